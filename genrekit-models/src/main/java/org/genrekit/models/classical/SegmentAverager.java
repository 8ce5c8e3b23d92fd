package org.genrekit.models.classical;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.genrekit.audio.Signal;
import org.genrekit.models.Prediction;

/**
 * The track answer of a clip model: the track is cut into the windows the model was trained on
 * ({@link Segmenter}), each window is scored on its own, and the track's probabilities are the
 * mean over windows (kept per window when a timeline is asked for).
 */
public final class SegmentAverager {
    private SegmentAverager() {
    }

    /** One window's probabilities and where its time went. */
    public record Scored(double[] probabilities, double featureMillis, double modelMillis) {
    }

    /** Scores one window, given as a signal of its own. */
    @FunctionalInterface
    public interface Scorer {
        Scored score(Signal window);
    }

    public static Prediction predict(Signal signal, double segmentSeconds, List<String> labels, boolean segments, Scorer scorer) {
        List<int[]> windows = Segmenter.windows(signal.length(), signal.sampleRate(), segmentSeconds);
        double[] mean = new double[labels.size()];
        List<Prediction.Segment> segs = new ArrayList<>();
        double featureMs = 0;
        double modelMs = 0;
        for (int[] w : windows) {
            float[] samples = w[0] == 0 && w[1] == signal.length() ? signal.samples() : Arrays.copyOfRange(signal.samples(), w[0], w[1]);
            Scored s = scorer.score(new Signal(samples, signal.sampleRate()));
            featureMs += s.featureMillis();
            modelMs += s.modelMillis();
            double[] p = s.probabilities();
            for (int c = 0; c < p.length; c++) mean[c] += p[c] / windows.size();
            if (segments) segs.add(new Prediction.Segment(w[0] / (double) signal.sampleRate(), w[1] / (double) signal.sampleRate(), p));
        }
        return new Prediction(labels, mean, segs, featureMs, modelMs);
    }
}
