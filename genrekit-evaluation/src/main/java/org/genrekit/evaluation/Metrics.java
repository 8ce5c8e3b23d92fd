package org.genrekit.evaluation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Classification quality of a set of predictions: accuracy, balanced accuracy (mean recall over the
 * classes present in the truth), macro-F1 (mean over all labels), top-2 accuracy, per-class figures
 * and the confusion matrix ({@code confusion[true][predicted]}).
 *
 * @param labels    class names, index = class id
 * @param n         number of instances
 * @param accuracy  fraction predicted right
 * @param balancedAccuracy mean recall of the classes with support &gt; 0
 * @param macroF1   mean F1 over all labels
 * @param top2Accuracy fraction whose true class is among the two most probable (NaN without probabilities)
 * @param perClass  one entry per label
 * @param confusion counts, rows = truth, columns = prediction
 */
public record Metrics(List<String> labels, int n, double accuracy, double balancedAccuracy, double macroF1,
                      double top2Accuracy, List<ClassMetrics> perClass, int[][] confusion) {
    public Metrics {
        labels = List.copyOf(labels);
        perClass = List.copyOf(perClass);
    }

    /** Metrics from probabilities: the prediction is the arg-max (lowest index on ties). */
    public static Metrics fromProbabilities(List<String> labels, int[] truth, double[][] probabilities) {
        Objects.requireNonNull(probabilities, "probabilities");
        if (truth.length != probabilities.length) {
            throw new IllegalArgumentException("truth has " + truth.length + " values but probabilities has " + probabilities.length + " rows");
        }
        int[] pred = new int[truth.length];
        int top2 = 0;
        for (int i = 0; i < truth.length; i++) {
            double[] p = probabilities[i];
            if (p.length != labels.size()) {
                throw new IllegalArgumentException("row " + i + " has " + p.length + " probabilities for " + labels.size() + " labels");
            }
            pred[i] = argMax(p);
            if (rankOf(p, truth[i]) < 2) top2++;
        }
        return compute(labels, truth, pred, truth.length == 0 ? Double.NaN : top2 / (double) truth.length);
    }

    /** Metrics from hard predictions only (top-2 accuracy is NaN). */
    public static Metrics fromPredictions(List<String> labels, int[] truth, int[] predicted) {
        if (truth.length != predicted.length) {
            throw new IllegalArgumentException("truth has " + truth.length + " values but predicted has " + predicted.length);
        }
        return compute(labels, truth, predicted, Double.NaN);
    }

    private static Metrics compute(List<String> labels, int[] truth, int[] pred, double top2) {
        int k = labels.size();
        if (k == 0) throw new IllegalArgumentException("labels must not be empty");
        int[][] cm = new int[k][k];
        for (int i = 0; i < truth.length; i++) {
            check(truth[i], k, "truth", i);
            check(pred[i], k, "prediction", i);
            cm[truth[i]][pred[i]]++;
        }
        int correct = 0;
        List<ClassMetrics> per = new ArrayList<>(k);
        double recallSum = 0, f1Sum = 0;
        int present = 0;
        for (int c = 0; c < k; c++) {
            int tp = cm[c][c];
            correct += tp;
            int support = 0, predicted = 0;
            for (int j = 0; j < k; j++) {
                support += cm[c][j];
                predicted += cm[j][c];
            }
            double precision = predicted == 0 ? 0 : tp / (double) predicted;
            double recall = support == 0 ? 0 : tp / (double) support;
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            per.add(new ClassMetrics(labels.get(c), precision, recall, f1, support));
            if (support > 0) {
                recallSum += recall;
                present++;
            }
            f1Sum += f1;
        }
        int n = truth.length;
        double acc = n == 0 ? Double.NaN : correct / (double) n;
        double bal = present == 0 ? Double.NaN : recallSum / present;
        return new Metrics(labels, n, acc, bal, f1Sum / k, top2, per, cm);
    }

    private static void check(int c, int k, String what, int row) {
        if (c < 0 || c >= k) throw new IllegalArgumentException(what + " " + c + " at row " + row + " is not a class index in [0, " + k + ")");
    }

    static int argMax(double[] p) {
        int best = 0;
        for (int i = 1; i < p.length; i++) if (p[i] > p[best]) best = i;
        return best;
    }

    /** 0 when {@code c} is the most probable; ties count against the true class only if strictly greater. */
    private static int rankOf(double[] p, int c) {
        int rank = 0;
        for (int i = 0; i < p.length; i++) if (p[i] > p[c] || (p[i] == p[c] && i < c)) rank++;
        return rank;
    }

    /** JSON-friendly view (ordered keys). */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("n", n);
        m.put("accuracy", accuracy);
        m.put("balanced_accuracy", balancedAccuracy);
        m.put("macro_f1", macroF1);
        m.put("top2_accuracy", Double.isNaN(top2Accuracy) ? null : top2Accuracy);
        m.put("labels", labels);
        Map<String, Object> per = new LinkedHashMap<>();
        for (ClassMetrics c : perClass) {
            per.put(c.label(), Map.of("precision", c.precision(), "recall", c.recall(), "f1", c.f1(), "support", c.support()));
        }
        m.put("per_class", per);
        m.put("confusion", confusion);
        return m;
    }
}
