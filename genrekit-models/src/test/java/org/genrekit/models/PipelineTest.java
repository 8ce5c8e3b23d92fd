package org.genrekit.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.genrekit.evaluation.CvSummary;
import org.genrekit.models.algo.Algorithms;
import org.genrekit.models.pipeline.Pca;
import org.genrekit.models.pipeline.StandardScaler;
import org.genrekit.models.pipeline.TabularModel;
import org.genrekit.models.train.CrossValidation;
import org.genrekit.models.train.GridSearch;
import org.genrekit.models.train.PipelineSpec;
import org.genrekit.models.train.PipelineTrainer;
import org.genrekit.models.train.Predictions;
import org.genrekit.models.train.StratifiedFolds;
import org.genrekit.models.train.TrainingData;
import org.junit.jupiter.api.Test;

class PipelineTest {
    @Test
    void scalerStandardises() {
        StandardScaler s = StandardScaler.fit(new double[][]{{1, 5}, {3, 5}});
        assertArrayEquals(new double[]{-1, 0}, s.apply(new double[]{1, 5}), 1e-12);
        assertArrayEquals(new double[]{1, 0}, s.apply(new double[]{3, 5}), 1e-12);
    }

    @Test
    void pcaFindsTheMainAxisAndCountsVariance() {
        // Points on the line y = x plus tiny noise: one component explains almost everything.
        double[][] x = new double[50][];
        java.util.Random r = new java.util.Random(1);
        for (int i = 0; i < x.length; i++) {
            double t = r.nextGaussian();
            x[i] = new double[]{t, t + 0.01 * r.nextGaussian(), 0.01 * r.nextGaussian()};
        }
        Pca p = Pca.fit(x, 0.95);
        assertEquals(1, p.components());
        assertTrue(p.explainedVariance() > 0.99);
        double[] a = p.apply(new double[]{1, 1, 0}), b = p.apply(new double[]{-1, -1, 0});
        assertEquals(Math.sqrt(2), Math.abs(a[0] - b[0]) / 2, 0.02);
        assertEquals(3, Pca.fit(x, 3).components());
        assertThrows(IllegalArgumentException.class, () -> Pca.fit(x, 4));
        assertThrows(IllegalArgumentException.class, () -> Pca.fit(x, 1.5));
    }

    @Test
    void everyAlgorithmLearnsSeparableData() {
        TrainingData d = Synthetic.data(30, 3);
        int[][] ho = StratifiedFolds.holdOut(d.y(), d.groups(), 0.3, 5);
        Map<String, Map<String, String>> fast = Map.of("rf", Map.of("trees", "20"), "gbm", Map.of("trees", "20"),
                "xgboost", Map.of("rounds", "20"), "mlp", Map.of("epochs", "60", "lr", "0.01"));
        for (String name : Algorithms.names()) {
            TabularModel m = PipelineTrainer.fit(PipelineSpec.of(name, fast.getOrDefault(name, Map.of())), d.subset(ho[1]), 1, 1);
            double acc = Predictions.metrics(m, d.subset(ho[0])).accuracy();
            double min = name.equals("majority") ? 0.2 : 0.85;
            assertTrue(acc >= min && (!name.equals("majority") || acc < 0.5), name + " accuracy " + acc);
            double[] raw = d.columns(m.columns())[0];
            float[] row = new float[raw.length];
            for (int j = 0; j < raw.length; j++) row[j] = (float) raw[j];
            double[] p = m.proba(row);
            double s = 0;
            for (double v : p) s += v;
            assertEquals(1, s, 1e-6, name + " probabilities sum");
            assertTrue(!m.columns().contains("length"), "constant column dropped: " + m.describe());
        }
    }

    @Test
    void pcaAndEnsembleAndValidation() {
        TrainingData d = Synthetic.data(20, 4);
        TabularModel m = PipelineTrainer.fit(PipelineSpec.of("ensemble", Map.of("members", "logreg,knn", "knn.pca", "2", "weights", "2,1")), d, 1, 1);
        assertTrue(m.describe().startsWith("vote(") && m.describe().contains("pca(2: 2 comp."), m.describe());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PipelineTrainer.fit(PipelineSpec.of("svm-rbf", Map.of("CC", "1")), d, 1, 1));
        assertEquals("unknown parameter 'CC' for algorithm 'svm-rbf'; did you mean 'C'? (valid: C, gamma, pca, drop, log)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> PipelineTrainer.fit(PipelineSpec.of("svm-rbf", Map.of("C", "-1")), d, 1, 1));
        assertEquals("parameter 'C' of algorithm 'svm-rbf' must be > 0, got '-1'", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> PipelineTrainer.fit(PipelineSpec.of("nope", Map.of()), d, 1, 1));
        assertTrue(e.getMessage().startsWith("unknown algorithm 'nope' (valid: majority, knn, logreg"), e.getMessage());
    }

    @Test
    void foldsAreStratifiedAndKeepGroupsTogether() {
        int[] y = new int[40];
        String[] g = new String[40];
        for (int i = 0; i < 40; i++) {
            y[i] = (i / 2) % 2; // two rows (segments) per track, tracks alternate classes
            g[i] = "track" + i / 2;
        }
        int[] f = StratifiedFolds.assign(y, g, 5, 7);
        for (int i = 0; i < 40; i += 2) assertEquals(f[i], f[i + 1], "a track stays in one fold");
        int[][] perFold = new int[5][2];
        for (int i = 0; i < 40; i++) perFold[f[i]][y[i]]++;
        for (int[] c : perFold) assertEquals(c[0], c[1], "balanced classes per fold");
    }

    @Test
    void gridSearchPicksByCrossValidation() {
        TrainingData d = Synthetic.data(20, 5);
        GridSearch.Result r = GridSearch.run(PipelineSpec.of("knn", Map.of("weights", "uniform")), d, 3, 1, 2);
        assertEquals(6, r.tried().size());
        double best = r.scores().stream().mapToDouble(CvSummary::mean).max().orElseThrow();
        assertEquals(best, r.bestScore().mean());
        assertEquals("uniform", r.best().params().get("weights"));
        CvSummary cv = CrossValidation.run(PipelineSpec.of("logreg", Map.of()), d, 3, 1, 2, null);
        assertEquals(3, cv.folds().length);
        assertTrue(cv.mean() > 0.8, cv.toString());
    }
}
