package org.genrekit.audio;

import java.util.Objects;

/**
 * A mono signal with its sample rate. Sample rates are always explicit in Genrekit: no code
 * guesses that a float array is at 22050 Hz.
 *
 * @param samples    mono samples, nominally in [-1, 1]; the array is owned by the signal (not copied)
 * @param sampleRate samples per second, &gt; 0
 */
public record Signal(float[] samples, int sampleRate) {
    public Signal {
        Objects.requireNonNull(samples, "samples");
        if (sampleRate <= 0) {
            throw new IllegalArgumentException("sampleRate must be > 0, got " + sampleRate);
        }
    }

    public int length() {
        return samples.length;
    }

    public double durationSeconds() {
        return samples.length / (double) sampleRate;
    }
}
