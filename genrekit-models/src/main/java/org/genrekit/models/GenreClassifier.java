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

    /** How audio must be decoded for this model (rate, offset, duration). */
    LoadOptions loadOptions();

    /**
     * Classifies one decoded track.
     *
     * @param signal   audio at {@link #loadOptions()}'s rate (when that is not 0)
     * @param segments also return per-segment probabilities (a genre timeline)
     */
    Prediction classify(Signal signal, boolean segments);

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
