package org.genrekit.batch;

import java.util.List;
import org.genrekit.models.ModelIdentity;

/**
 * Turns one file into a {@link TrackResult}. Called from many worker threads at once, so
 * implementations are thread-safe. A bad file is a failed result, never an exception: one broken
 * file in 100,000 must not stop a run.
 */
public interface TrackProcessor {
    /** The model's labels in probability order, empty when only features are computed. */
    List<String> labels();

    /** The model that answers (name, version, SHA-256), null when only features are computed. */
    default ModelIdentity model() {
        return null;
    }

    /** Feature column names, empty when no features are computed. */
    List<String> featureColumns();

    /** Short description for logs and result metadata (model name/version, feature recipe). */
    String describe();

    TrackResult process(BatchItem item);
}
