package org.genrekit.models;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.genrekit.audio.LoadOptions;
import org.genrekit.audio.Signal;
import org.genrekit.features.FeatureRecipe;

/**
 * A trained model as applications see it: decoded audio in, genre probabilities out. Classical
 * pipelines (feature vector + scaler + model) and deep models (log-mel chunks + network) both
 * implement it, so {@code classify}, {@code evaluate}, the HTTP service, batch runs and Spark
 * treat them alike. Implementations are thread-safe.
 */
public interface GenreClassifier extends AutoCloseable {
    /** Short name, e.g. "default" or the bundle file's stem. */
    String name();

    /** The model's own version (Genrekit version plus training date, from the bundle). */
    String version();

    List<String> labels();

    /** The feature recipe the model consumes. */
    FeatureRecipe recipe();

    /** How audio must be decoded for this model (its rate; {@link TrackPolicy#loadOptions} adds offset and duration). */
    LoadOptions loadOptions();

    /**
     * The clip length the model was trained on, in seconds: the window of {@link TrackPolicy#DEFAULT}.
     * GTZAN's 30 s unless the model says otherwise.
     */
    default double clipSeconds() {
        return DEFAULT_CLIP_SECONDS;
    }

    /** GTZAN's clip length, on which the built-in models were trained. */
    double DEFAULT_CLIP_SECONDS = 30;

    /**
     * Scores one window of a track (cut by {@link TrackPredictor}); never called with a whole
     * track by the commands, which all predict through a {@link TrackPolicy}.
     *
     * @param window audio at {@link #loadOptions()}'s rate (when that is not 0)
     */
    WindowScore score(Signal window);

    /**
     * Classifies one decoded track under {@link TrackPolicy#DEFAULT}.
     *
     * @param windows also return per-window probabilities (a genre timeline)
     */
    default Prediction classify(Signal signal, boolean windows) {
        return TrackPredictor.predict(this, signal, TrackPolicy.DEFAULT, windows);
    }

    /** Training metrics and provenance as stored in the bundle (JSON-friendly values). */
    Map<String, Object> metadata();

    /**
     * Ids of the tracks the model was fitted on, when the bundle records them (classical bundles
     * do), so that an evaluation can say when it scores tracks the model has already seen.
     */
    default Set<String> trainingIds() {
        return Set.of();
    }

    @Override
    default void close() {
    }
}
