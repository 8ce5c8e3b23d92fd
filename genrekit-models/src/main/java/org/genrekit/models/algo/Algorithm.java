package org.genrekit.models.algo;

import java.util.List;
import java.util.Map;
import org.genrekit.models.pipeline.VectorModel;

/** A learning algorithm on standardised vectors, with its parameters, defaults and search grid. */
public interface Algorithm {
    String name();

    String description();

    /** Every parameter the algorithm accepts, with its default value. */
    Map<String, String> defaults();

    /** Values tried by {@code --search} (a subset of the parameters). */
    Map<String, List<String>> grid();

    /**
     * @param y       class ids in [0, k)
     * @param k       number of classes
     * @param threads threads the algorithm may use itself (1 inside a parallel grid search)
     */
    VectorModel fit(double[][] x, int[] y, int k, Params p, long seed, int threads);
}
