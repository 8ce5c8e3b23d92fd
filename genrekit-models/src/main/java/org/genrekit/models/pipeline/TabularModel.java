package org.genrekit.models.pipeline;

import java.io.Serializable;
import java.util.List;

/**
 * A fitted model on raw feature vectors (a pipeline, or a soft vote of pipelines). The input row
 * holds the values of {@link #columns()} in that order; callers map their columns by name.
 */
public interface TabularModel extends Serializable {
    List<String> columns();

    int numClasses();

    /** Probabilities for one raw row (values of {@link #columns()}). */
    double[] proba(float[] row);

    /** Short human description, e.g. "scale > pca(0.95: 23) > svm-rbf{C=10, gamma=0.02}". */
    String describe();
}
