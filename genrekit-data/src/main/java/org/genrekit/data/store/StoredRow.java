package org.genrekit.data.store;

/**
 * One row of the feature store.
 *
 * @param key     identity of audio + segment (see {@link org.genrekit.core.io.FileKey}); unique in a store
 * @param id      track id
 * @param path    absolute path of the audio when extracted
 * @param size    file size in bytes then
 * @param mtimeMs modification time then
 * @param segment segment tag, empty for a whole track
 * @param values  the feature vector
 */
public record StoredRow(String key, String id, String path, long size, long mtimeMs, String segment, float[] values) {
}
