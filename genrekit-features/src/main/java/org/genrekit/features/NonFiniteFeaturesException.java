package org.genrekit.features;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.genrekit.audio.AudioDecodeException;

/**
 * A feature vector (or a model's answer computed from one) holds NaN or infinite values: finite
 * samples far out of range (a float WAV of sine × 1e30) overflow the power spectrum. Unchecked, so
 * that {@code GenreClassifier.classify} can throw it; callers that know the file turn it into an
 * {@link AudioDecodeException} with reason {@code NON_FINITE_FEATURES} ({@link #forFile}).
 */
public final class NonFiniteFeaturesException extends RuntimeException {
    public NonFiniteFeaturesException(String message) {
        super(message);
    }

    /** The same failure as a per-file error naming {@code file}. */
    public AudioDecodeException forFile(Path file) {
        return new AudioDecodeException(file, AudioDecodeException.Reason.NON_FINITE_FEATURES, getMessage(), this);
    }

    /** Throws unless every value of {@code v} is finite; the message names up to 5 offending columns. */
    public static void requireFinite(float[] v, List<String> columns) {
        List<String> bad = new ArrayList<>();
        int count = 0;
        for (int i = 0; i < v.length; i++) {
            if (!Float.isFinite(v[i])) {
                if (count++ < 5) bad.add((i < columns.size() ? columns.get(i) : "#" + i) + "=" + v[i]);
            }
        }
        if (count > 0) {
            throw new NonFiniteFeaturesException(count + " of " + v.length + " features are not finite (" + String.join(", ", bad)
                    + (count > bad.size() ? ", ..." : "") + "); the samples are out of range");
        }
    }
}
