package org.genrekit.audio;

/**
 * Receives a mono signal block by block, in order. The array is the sender's and is reused after
 * the call: a sink copies what it keeps.
 */
@FunctionalInterface
public interface SampleSink {
    void accept(float[] samples, int offset, int count);
}
