package org.genrekit.audio;

import java.nio.file.Path;

/**
 * What a container header says about a file's audio, read without decoding it.
 *
 * @param durationSeconds NaN when the header does not say
 */
public record AudioInfo(Path file, String container, String codec, int sampleRate, int channels,
                        double durationSeconds, long bitRate) {
}
