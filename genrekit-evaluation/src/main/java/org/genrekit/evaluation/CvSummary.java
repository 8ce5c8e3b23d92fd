package org.genrekit.evaluation;

import java.util.Locale;

/**
 * Mean, sample standard deviation (n - 1) and standard error of a score over cross-validation folds.
 * Accuracy is quoted as {@code mean ± se}: the standard error of the mean, {@code std / sqrt(k)}.
 *
 * @param mean  mean over folds
 * @param std   sample standard deviation (0 for one fold)
 * @param folds the per-fold scores
 */
public record CvSummary(double mean, double std, double[] folds) {
    public static CvSummary of(double[] scores) {
        if (scores.length == 0) throw new IllegalArgumentException("scores must not be empty");
        double m = 0;
        for (double s : scores) m += s;
        m /= scores.length;
        double v = 0;
        for (double s : scores) v += (s - m) * (s - m);
        double sd = scores.length > 1 ? Math.sqrt(v / (scores.length - 1)) : 0;
        return new CvSummary(m, sd, scores.clone());
    }

    /** Standard error of the mean over folds: {@code std / sqrt(k)}. */
    public double se() {
        return std / Math.sqrt(folds.length);
    }

    /** {@code 0.7360 ± 0.0246 (SE, 5 folds; std 0.0550)}. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%.4f ± %.4f (SE, %d folds; std %.4f)", mean, se(), folds.length, std);
    }
}
