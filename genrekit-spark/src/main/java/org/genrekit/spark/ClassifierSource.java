package org.genrekit.spark;

import java.io.IOException;
import java.io.Serializable;
import org.genrekit.models.GenreClassifier;

/**
 * How an executor gets the model: shipped to executors inside the task closure (so it must be
 * small and serializable: a file name, not the model), opened once per executor JVM.
 */
public interface ClassifierSource extends Serializable {
    /** Identifies the model; executors cache one classifier per key. */
    String key();

    GenreClassifier open() throws IOException;
}
