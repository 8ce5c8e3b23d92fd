package org.genrekit.models.pipeline;

import java.io.Serializable;

/** A fitted classifier on already-transformed vectors: class probabilities for one row. Thread-safe. */
public interface VectorModel extends Serializable {
    int numClasses();

    /** Probabilities over classes 0..numClasses-1, summing to 1. */
    double[] proba(double[] x);
}
