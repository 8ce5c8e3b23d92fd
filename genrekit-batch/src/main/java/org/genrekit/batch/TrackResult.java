package org.genrekit.batch;

import java.util.Objects;
import org.genrekit.audio.FailureRecord;
import org.genrekit.models.result.GenreResult;

/**
 * What processing one file gave: a prediction and/or a feature vector, or a failure.
 *
 * @param item            the file
 * @param result          the model's answer in the one result schema, or null when no model ran or the file failed
 * @param features        the feature vector, or null when no features were asked for or the file failed
 * @param durationSeconds decoded duration, NaN when unknown
 * @param millis          wall time spent on this file
 * @param failure         why the file failed ({@code file,stage,error_type,message}), null on success
 * @param tagAction       what tag writing did (e.g. {@code replace 'Rock' -> 'Jazz'}), null when not asked
 */
public record TrackResult(BatchItem item, GenreResult result, float[] features, double durationSeconds, double millis,
                          FailureRecord failure, String tagAction) {
    public TrackResult {
        Objects.requireNonNull(item, "item");
    }

    public static TrackResult success(BatchItem item, GenreResult result, float[] features, double durationSeconds, double millis) {
        return new TrackResult(item, result, features, durationSeconds, millis, null, null);
    }

    /** A failure at {@code stage} of type {@code errorType}, e.g. {@code decode, NOT_AUDIO}. */
    public static TrackResult failure(BatchItem item, String stage, String errorType, String message, double millis) {
        return new TrackResult(item, null, null, Double.NaN, millis, new FailureRecord(item.key(), stage, errorType, message), null);
    }

    public boolean ok() {
        return failure == null;
    }

    /** The most probable genre, or null without a model. */
    public String genre() {
        return result == null ? null : result.genre();
    }

    /** Its probability, NaN without a model. */
    public double probability() {
        return result == null ? Double.NaN : result.probability();
    }

    public TrackResult withTagAction(String action) {
        return new TrackResult(item, result, features, durationSeconds, millis, failure, action);
    }
}
