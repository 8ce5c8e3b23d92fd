package org.genrekit.models.algo;

import java.util.List;
import java.util.Map;
import org.genrekit.models.pipeline.VectorModel;

/**
 * A learning algorithm on standardised vectors: its documented parameters, a typed options record
 * read from them, its search grid and the fit.
 *
 * @param <O> the algorithm's options record
 */
public interface Algorithm<O extends Record> {
    String name();

    String description();

    /** Every parameter the algorithm accepts, with its default and the values it takes. */
    List<ParamDoc> params();

    /** Values tried by {@code --search} (a subset of the parameters). */
    Map<String, List<String>> grid();

    /** The typed options for {@code params} over the defaults; an unknown name or bad value fails here, naming it. */
    O options(Map<String, String> params);

    /**
     * @param y       class ids in [0, k)
     * @param k       number of classes
     * @param threads threads the algorithm may use itself (1 inside a parallel grid search)
     */
    VectorModel fit(double[][] x, int[] y, int k, O options, long seed, int threads);

    /** This algorithm with its options read and checked, ready to fit. */
    default Configured<O> configure(Map<String, String> params) {
        return new Configured<>(this, options(params));
    }

    /** An algorithm with checked options. */
    record Configured<O extends Record>(Algorithm<O> algorithm, O options) {
        public VectorModel fit(double[][] x, int[] y, int k, long seed, int threads) {
            return algorithm.fit(x, y, k, options, seed, threads);
        }

        @Override
        public String toString() {
            // "knn[k=7, weights=distance]": the record's own text without its class name
            return algorithm.name() + options.toString().replaceFirst("^\\w+", "");
        }
    }
}
