package org.genrekit.evaluation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricsTest {
    private static final List<String> L = List.of("a", "b", "c");
    // truth a a b b c c ; prediction a b b b a c (worked out by hand in the comments below)
    private static final int[] TRUTH = {0, 0, 1, 1, 2, 2};
    private static final double[][] P = {
            {0.6, 0.3, 0.1},   // a, right
            {0.1, 0.5, 0.4},   // b, wrong; a is 3rd -> top-2 miss
            {0.2, 0.7, 0.1},   // b, right
            {0.3, 0.4, 0.3},   // b, right
            {0.5, 0.1, 0.4},   // a, wrong; c is 2nd -> top-2 hit
            {0.1, 0.2, 0.7}};  // c, right

    @Test
    void handComputedValues() {
        Metrics m = Metrics.fromProbabilities(L, TRUTH, P);
        assertEquals(6, m.n());
        assertArrayEquals(new int[][]{{1, 1, 0}, {0, 2, 0}, {1, 0, 1}}, m.confusion());
        assertEquals(4 / 6.0, m.accuracy(), 1e-12);
        // recalls 1/2, 2/2, 1/2
        assertEquals((0.5 + 1 + 0.5) / 3, m.balancedAccuracy(), 1e-12);
        // precisions 1/2, 2/3, 1/1 -> F1 0.5, 0.8, 2/3
        assertEquals(0.5, m.perClass().get(0).f1(), 1e-12);
        assertEquals(2 / 3.0, m.perClass().get(1).precision(), 1e-12);
        assertEquals(0.8, m.perClass().get(1).f1(), 1e-12);
        assertEquals(2 / 3.0, m.perClass().get(2).f1(), 1e-12);
        assertEquals((0.5 + 0.8 + 2 / 3.0) / 3, m.macroF1(), 1e-12);
        assertEquals(5 / 6.0, m.top2Accuracy(), 1e-12);
        assertEquals(2, m.perClass().get(2).support());
    }

    @Test
    void absentClassCountsZeroInMacroF1ButNotInBalancedAccuracy() {
        Metrics m = Metrics.fromPredictions(L, new int[]{0, 1}, new int[]{0, 1});
        assertEquals(1.0, m.accuracy());
        assertEquals(1.0, m.balancedAccuracy());
        assertEquals(2 / 3.0, m.macroF1(), 1e-12);
        assertTrue(Double.isNaN(m.top2Accuracy()));
    }

    @Test
    void rejectsBadInput() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Metrics.fromPredictions(L, new int[]{0, 3}, new int[]{0, 1}));
        assertEquals("truth 3 at row 1 is not a class index in [0, 3)", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Metrics.fromProbabilities(L, new int[]{0}, new double[][]{{1, 0}}));
    }

    @Test
    void trackAggregationAveragesSegments() {
        TrackAggregation.Tracks t = TrackAggregation.meanProbability(new String[]{"x", "y", "x"}, new int[]{1, 0, 1},
                new double[][]{{0.8, 0.2}, {0.6, 0.4}, {0.0, 1.0}});
        assertEquals(List.of("x", "y"), t.ids());
        assertArrayEquals(new double[]{0.4, 0.6}, t.probabilities()[0], 1e-12);
        assertArrayEquals(new int[]{1, 0}, t.truth());
        assertThrows(IllegalArgumentException.class, () -> TrackAggregation.meanProbability(new String[]{"x", "x"},
                new int[]{0, 1}, new double[][]{{1, 0}, {0, 1}}));
    }

    @Test
    void cvSummaryUsesSampleStdAndStandardError() {
        CvSummary s = CvSummary.of(new double[]{0.5, 0.7, 0.6});
        assertEquals(0.6, s.mean(), 1e-12);
        assertEquals(0.1, s.std(), 1e-12);
        assertEquals(0.1 / Math.sqrt(3), s.se(), 1e-12);
        assertEquals("0.6000 ± 0.0577 (SE, 3 folds; std 0.1000)", s.toString());
    }

    @Test
    void confusionTextIsAligned() {
        String t = ConfusionText.format(List.of("rock", "pop"), new int[][]{{12, 3}, {0, 7}});
        String[] lines = t.split("\n");
        assertEquals(3, lines.length);
        assertEquals(lines[0].length(), lines[1].length());
        assertTrue(lines[1].trim().startsWith("rock") && lines[1].endsWith("3"), t);
    }

    @Test
    void reportWritesJsonHtmlAndPng(@TempDir Path dir) throws Exception {
        Metrics m = Metrics.fromProbabilities(L, TRUTH, P);
        EvaluationReport r = new EvaluationReport("test model", m, CvSummary.of(new double[]{0.6, 0.7}), 1.5, Map.of("model", "x.gkm"));
        Path html = r.write(dir);
        String page = Files.readString(html);
        assertTrue(page.contains("data:image/png;base64,iVBOR"), "PNG inlined");
        byte[] png = Files.readAllBytes(dir.resolve("confusion.png"));
        assertEquals((byte) 0x89, png[0]);
        assertEquals('P', png[1]);
        String json = Files.readString(dir.resolve("report.json"));
        assertTrue(json.contains("\"balanced_accuracy\"") && json.contains("\"confusion\""), json);
        assertTrue(r.toJson(false).startsWith("{\"title\":\"test model\",\"n\":6,"), r.toJson(false));
    }
}
