package org.genrekit.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.genrekit.audio.LoadOptions;
import org.genrekit.audio.Signal;
import org.genrekit.features.FeatureRecipe;
import org.junit.jupiter.api.Test;

/** The one track policy: windows, hop, tail rule, and the weighted mean every model kind goes through. */
class TrackPolicyTest {
    private static final int SR = 100;

    /** Answers (mean sample, 1 - mean sample) per window, and records the windows it saw. */
    static final class MeanClassifier implements GenreClassifier {
        final List<Integer> seen = new ArrayList<>();
        @Override public String name() { return "mean"; }
        @Override public String version() { return "1"; }
        @Override public List<String> labels() { return List.of("loud", "quiet"); }
        @Override public FeatureRecipe recipe() { return FeatureRecipe.of("x"); }
        @Override public LoadOptions loadOptions() { return LoadOptions.atRate(SR); }
        @Override public Map<String, Object> metadata() { return Map.of(); }
        @Override public double clipSeconds() { return 10; }

        @Override
        public synchronized WindowScore score(Signal window) {
            seen.add(window.length());
            double m = 0;
            for (float v : window.samples()) m += (double) v / window.length();
            return new WindowScore(new double[] {m, 1 - m}, 0, 0);
        }
    }

    /** {@code seconds} of constant {@code value} per part. */
    private static Signal parts(double[] seconds, float[] values) {
        int n = 0;
        for (double s : seconds) n += (int) Math.round(s * SR);
        float[] x = new float[n];
        int at = 0;
        for (int i = 0; i < seconds.length; i++) {
            int len = (int) Math.round(seconds[i] * SR);
            java.util.Arrays.fill(x, at, at + len, values[i]);
            at += len;
        }
        return new Signal(x, SR);
    }

    private static List<int[]> spans(int seconds, double window, double hop, TrackPolicy p) {
        return TrackPredictor.windows(seconds * SR, SR, window, hop, p).stream().map(s -> new int[] {s.start() / SR, s.end() / SR}).toList();
    }

    @Test
    void fullWindowsThenATailWeightedByItsDuration() {
        List<TrackPredictor.Span> w = TrackPredictor.windows(25 * SR, SR, 10, 10, TrackPolicy.DEFAULT);
        assertEquals(3, w.size());
        assertEquals(new TrackPredictor.Span(20 * SR, 25 * SR, 0.5), w.get(2));
        // dropped: the same track gives two windows
        assertEquals(2, spans(25, 10, 10, TrackPolicy.DEFAULT.withTail(TrackPolicy.Tail.DROPPED, 0)).size());
        // a tail under the minimum is dropped, at the minimum it counts
        assertEquals(2, spans(24, 10, 10, TrackPolicy.DEFAULT.withTail(TrackPolicy.Tail.WEIGHTED_BY_DURATION, 5)).size());
        assertEquals(3, spans(25, 10, 10, TrackPolicy.DEFAULT.withTail(TrackPolicy.Tail.WEIGHTED_BY_DURATION, 5)).size());
    }

    @Test
    void overlappingWindowsAndShortTracks() {
        List<int[]> w = spans(30, 10, 5, TrackPolicy.DEFAULT);
        assertEquals(5, w.size()); // the last full window reaches the end: no tail
        assertArrayEquals(new int[] {20, 30}, w.get(4));
        assertArrayEquals(new int[] {5, 15}, w.get(1));
        List<int[]> t = spans(33, 10, 5, TrackPolicy.DEFAULT.withTail(TrackPolicy.Tail.WEIGHTED_BY_DURATION, 0));
        assertEquals(6, t.size());
        assertArrayEquals(new int[] {25, 33}, t.get(5));
        // no longer than one window: one window, whatever the tail rule
        assertEquals(List.of(new TrackPredictor.Span(0, 3 * SR, 1)),
                TrackPredictor.windows(3 * SR, SR, 10, 10, TrackPolicy.DEFAULT.withTail(TrackPolicy.Tail.DROPPED, 0)));
    }

    @Test
    void theTrackAnswerIsTheDurationWeightedMean() {
        MeanClassifier clf = new MeanClassifier();
        // 10 s of 1 then a 5 s tail of 0: (1 * 1 + 0.5 * 0) / 1.5
        Prediction p = TrackPredictor.predict(clf, parts(new double[] {10, 5}, new float[] {1, 0}), TrackPolicy.DEFAULT, true);
        assertEquals(2 / 3.0, p.probabilities()[0], 1e-12);
        assertEquals(2, p.windowCount());
        assertEquals(0.5, p.windows().get(1).weight(), 1e-12);
        assertEquals(15.0, p.windows().get(1).endSeconds(), 1e-12);
        Prediction dropped = TrackPredictor.predict(clf, parts(new double[] {10, 5}, new float[] {1, 0}),
                TrackPolicy.DEFAULT.withTail(TrackPolicy.Tail.DROPPED, 0), false);
        assertEquals(1.0, dropped.probabilities()[0], 1e-12);
        assertEquals(List.of(), dropped.windows());
        // the policy's window wins over the model's clip length
        clf.seen.clear();
        TrackPredictor.predict(clf, parts(new double[] {12}, new float[] {1}), TrackPolicy.DEFAULT.withWindow(4, 0), false);
        assertEquals(List.of(4 * SR, 4 * SR, 4 * SR), clf.seen);
    }

    @Test
    void parametersAreValidatedWithExactMessages() {
        TrackPolicy d = TrackPolicy.DEFAULT;
        assertEquals("window must be a finite number of seconds >= 0 (0: the model's clip length), got -1.0",
                assertThrows(IllegalArgumentException.class, () -> d.withWindow(-1, 0)).getMessage());
        assertEquals("hop must be <= window (10.0 s), got 20.0 s: audio between windows would be skipped",
                assertThrows(IllegalArgumentException.class, () -> d.withWindow(10, 20)).getMessage());
        assertEquals("hop must be a finite number of seconds >= 0 (0: the window), got NaN",
                assertThrows(IllegalArgumentException.class, () -> d.withWindow(10, Double.NaN)).getMessage());
        assertEquals("offset must be a finite number of seconds >= 0, got -2.0",
                assertThrows(IllegalArgumentException.class, () -> d.withRange(-2, 0)).getMessage());
        assertEquals("duration must be a finite number of seconds >= 0 (0: to the end), got Infinity",
                assertThrows(IllegalArgumentException.class, () -> d.withRange(0, Double.POSITIVE_INFINITY)).getMessage());
        assertEquals("min tail must be a finite number of seconds >= 0, got -1.0",
                assertThrows(IllegalArgumentException.class, () -> d.withTail(TrackPolicy.Tail.DROPPED, -1)).getMessage());
        assertEquals("tail must be weighted or dropped, got 'half'",
                assertThrows(IllegalArgumentException.class, () -> TrackPolicy.Tail.of("half")).getMessage());
    }

    @Test
    void aServerLimitCapsTheDuration() {
        assertEquals(30, TrackPolicy.DEFAULT.capDuration(30).durationSeconds());
        assertEquals(10, TrackPolicy.DEFAULT.withRange(5, 10).capDuration(30).durationSeconds());
        assertEquals(30, TrackPolicy.DEFAULT.withRange(5, 60).capDuration(30).durationSeconds());
        assertEquals(0, TrackPolicy.DEFAULT.capDuration(0).durationSeconds());
    }
}
