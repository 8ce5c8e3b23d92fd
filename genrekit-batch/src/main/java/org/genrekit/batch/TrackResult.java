package org.genrekit.batch;

import java.util.List;
import java.util.Objects;

/**
 * What processing one file gave: a prediction and/or a feature vector, or a failure with a reason.
 *
 * @param item            the file
 * @param labels          the model's labels (empty when no model ran)
 * @param probabilities   one per label, or null when no model ran or the file failed
 * @param features        the feature vector, or null when no features were asked for or the file failed
 * @param durationSeconds decoded duration, NaN when unknown
 * @param millis          wall time spent on this file
 * @param errorReason     stable reason name (e.g. an {@code AudioDecodeException.Reason}), null on success
 * @param errorMessage    human-readable reason, null on success
 * @param tagAction       what tag writing did (e.g. {@code replace 'Rock' -> 'Jazz'}), null when not asked
 */
public record TrackResult(BatchItem item, List<String> labels, double[] probabilities, float[] features,
                          double durationSeconds, double millis, String errorReason, String errorMessage,
                          String tagAction) {
    public TrackResult {
        Objects.requireNonNull(item, "item");
        labels = List.copyOf(labels);
        if (probabilities != null && probabilities.length != labels.size()) {
            throw new IllegalArgumentException("probabilities has " + probabilities.length + " values for " + labels.size() + " labels");
        }
        if ((errorReason == null) != (errorMessage == null)) {
            throw new IllegalArgumentException("errorReason and errorMessage must both be set or both be null");
        }
    }

    public static TrackResult success(BatchItem item, List<String> labels, double[] probabilities, float[] features,
                                      double durationSeconds, double millis) {
        return new TrackResult(item, labels, probabilities, features, durationSeconds, millis, null, null, null);
    }

    public static TrackResult failure(BatchItem item, String reason, String message, double millis) {
        return new TrackResult(item, List.of(), null, null, Double.NaN, millis, reason, message, null);
    }

    public boolean ok() {
        return errorReason == null;
    }

    /** Index of the most probable label, or -1 without probabilities. */
    public int topIndex() {
        if (probabilities == null || probabilities.length == 0) return -1;
        int best = 0;
        for (int i = 1; i < probabilities.length; i++) if (probabilities[i] > probabilities[best]) best = i;
        return best;
    }

    public String genre() {
        int i = topIndex();
        return i < 0 ? null : labels.get(i);
    }

    public double probability() {
        int i = topIndex();
        return i < 0 ? Double.NaN : probabilities[i];
    }

    public TrackResult withTagAction(String action) {
        return new TrackResult(item, labels, probabilities, features, durationSeconds, millis, errorReason, errorMessage, action);
    }
}
