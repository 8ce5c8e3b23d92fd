package org.genrekit.evaluation;

/**
 * Precision, recall and F1 of one class (one-vs-rest). A class never predicted has precision 0,
 * a class absent from the truth has recall 0, as scikit-learn does with {@code zero_division=0}.
 *
 * @param label     class name
 * @param precision tp / (tp + fp)
 * @param recall    tp / (tp + fn)
 * @param f1        harmonic mean of precision and recall
 * @param support   number of true instances of the class
 */
public record ClassMetrics(String label, double precision, double recall, double f1, int support) {
}
