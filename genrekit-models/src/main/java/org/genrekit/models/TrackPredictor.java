package org.genrekit.models;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.genrekit.audio.Signal;

/**
 * Applies a {@link TrackPolicy}: cuts a decoded track into windows, has the model score each one
 * ({@link GenreClassifier#score}) and combines them into the track's probabilities, a mean weighted
 * by each window's duration over the window length (1 for every full window). The only place a
 * track becomes windows, so every command and every model kind answer alike.
 */
public final class TrackPredictor {
    private TrackPredictor() {
    }

    /** One window: [start, end) sample indices and its weight in the track's mean. */
    public record Span(int start, int end, double weight) {
    }

    /**
     * The windows of a track of {@code length} samples. Full windows start every {@code hop}; when
     * audio is left after the last full one, the partial window starting at the next hop (the tail)
     * counts by its duration over the window's when it is at least {@code minTail} long and the policy keeps tails. A track no
     * longer than one window is one window of weight 1 however short, so short clips are still
     * classified whole.
     */
    public static List<Span> windows(int length, int sampleRate, double windowSeconds, double hopSeconds, TrackPolicy policy) {
        if (sampleRate <= 0) throw new IllegalArgumentException("sample rate must be > 0 Hz, got " + sampleRate);
        if (!(windowSeconds > 0)) throw new IllegalArgumentException("window must be > 0 s, got " + windowSeconds);
        if (!(hopSeconds > 0 && hopSeconds <= windowSeconds)) {
            throw new IllegalArgumentException("hop must be in (0, window=" + windowSeconds + "] s, got " + hopSeconds);
        }
        int w = Math.max(1, (int) Math.round(windowSeconds * sampleRate));
        List<Span> out = new ArrayList<>();
        if (length <= w) {
            out.add(new Span(0, length, 1));
            return out;
        }
        // the k-th start is rounded from k * hop, never accumulated: a hop of 5512.5 samples must not drift
        int k = 0;
        int start = 0;
        for (; start + w <= length; start = (int) Math.round(++k * hopSeconds * sampleRate)) out.add(new Span(start, start + w, 1));
        int covered = out.getLast().end();
        int tail = length - start;
        // with overlapping windows the next start may lie in audio already covered: a tail only when audio is left
        if (covered < length && policy.tail() == TrackPolicy.Tail.WEIGHTED_BY_DURATION && tail >= policy.minTailSeconds() * sampleRate) {
            out.add(new Span(start, length, tail / (double) w));
        }
        return out;
    }

    /**
     * The track's prediction under {@code policy}; {@code signal} is already the policy's part of the
     * file (decoded with {@link TrackPolicy#loadOptions}).
     *
     * @param keepWindows also return each window's probabilities (a genre timeline)
     */
    public static Prediction predict(GenreClassifier model, Signal signal, TrackPolicy policy, boolean keepWindows) {
        double window = policy.windowFor(model);
        List<Span> spans = windows(signal.length(), signal.sampleRate(), window, policy.hopFor(model), policy);
        int n = model.labels().size();
        double[] sum = new double[n];
        double weights = 0;
        double featureMs = 0;
        double modelMs = 0;
        List<Prediction.Window> kept = new ArrayList<>();
        double sr = signal.sampleRate();
        for (Span s : spans) {
            float[] samples = s.start() == 0 && s.end() == signal.length() ? signal.samples() : Arrays.copyOfRange(signal.samples(), s.start(), s.end());
            WindowScore score = model.score(new Signal(samples, signal.sampleRate()));
            double[] p = score.probabilities();
            if (p.length != n) {
                throw new IllegalStateException("model '" + model.name() + "' scored a window with " + p.length + " probabilities for " + n + " labels");
            }
            for (int c = 0; c < n; c++) sum[c] += s.weight() * p[c];
            weights += s.weight();
            featureMs += score.featureMillis();
            modelMs += score.modelMillis();
            if (keepWindows) kept.add(new Prediction.Window(s.start() / sr, s.end() / sr, s.weight(), p.clone()));
        }
        for (int c = 0; c < n; c++) sum[c] /= weights;
        return new Prediction(model.labels(), sum, spans.size(), kept, featureMs, modelMs);
    }
}
