package org.genrekit.spark;

import java.io.IOException;
import java.io.Serializable;
import org.genrekit.models.GenreClassifier;

/**
 * How an executor gets the model: shipped to executors inside the task closure (so it must be
 * small and serializable: a broadcast handle, not the model), opened once per executor JVM.
 */
public interface ClassifierSource extends Serializable {
    /** What the model is; {@code info().sha256()} also keys the executors' cache of opened models. */
    ModelInfo info();

    GenreClassifier open() throws IOException;
}
