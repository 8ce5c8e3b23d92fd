package org.genrekit.audio;

/**
 * What a streamed decode delivered.
 *
 * @param sampleRate rate of the delivered samples (the target rate, or the file's own)
 * @param length     number of samples delivered
 */
public record StreamInfo(int sampleRate, long length) {
}
