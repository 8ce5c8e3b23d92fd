package org.genrekit.serve;

import java.util.List;
import java.util.Map;
import org.genrekit.audio.LoadOptions;
import org.genrekit.audio.Signal;
import org.genrekit.features.FeatureRecipe;
import org.genrekit.models.GenreClassifier;
import org.genrekit.models.WindowScore;

/**
 * A small but real test classifier: genre probabilities are a softmax over how noisy (zero-crossing
 * rate) and how loud (RMS) the audio is, so a pure tone reads "classical" and white noise "rock".
 * Deterministic; an optional delay makes it slow for saturation tests.
 */
final class StatsClassifier implements GenreClassifier {
    static final List<String> LABELS = List.of("classical", "jazz", "rock");
    private final String name;
    private final long delayMillis;

    StatsClassifier(String name, long delayMillis) {
        this.name = name;
        this.delayMillis = delayMillis;
    }

    @Override public String name() { return name; }
    @Override public String version() { return "test-1"; }
    @Override public List<String> labels() { return LABELS; }
    @Override public FeatureRecipe recipe() { return FeatureRecipe.of("signal-stats"); }
    @Override public LoadOptions loadOptions() { return LoadOptions.defaults(); }
    @Override public Map<String, Object> metadata() { return Map.of("accuracy", 0.5, "trainedOn", "nothing"); }

    /** One window's softmax; the delay, when set, once per window. */
    @Override
    public WindowScore score(Signal window) {
        long t0 = System.nanoTime();
        if (window.length() < 64) throw new IllegalArgumentException("signal has " + window.length() + " samples, needs at least 64");
        double[] p = probabilities(window.samples(), 0, window.length());
        double featureMs = (System.nanoTime() - t0) / 1e6;
        if (delayMillis > 0) {
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        return new WindowScore(p, featureMs, (System.nanoTime() - t0) / 1e6 - featureMs);
    }

    static double[] probabilities(float[] x, int from, int to) {
        double energy = 0;
        int crossings = 0;
        for (int i = from; i < to; i++) {
            energy += x[i] * (double) x[i];
            if (i > from && (x[i] >= 0) != (x[i - 1] >= 0)) crossings++;
        }
        double rms = Math.sqrt(energy / (to - from));
        double zcr = crossings / (double) (to - from);
        // Scores: tonal and quiet -> classical; middling -> jazz; noisy -> rock.
        double[] score = {4 * (0.1 - zcr) + (0.3 - rms), 0.5 - Math.abs(zcr - 0.15) * 6, 8 * (zcr - 0.25) + rms};
        double max = Math.max(score[0], Math.max(score[1], score[2]));
        double sum = 0;
        double[] p = new double[3];
        for (int i = 0; i < 3; i++) sum += p[i] = Math.exp(score[i] - max);
        for (int i = 0; i < 3; i++) p[i] /= sum;
        return p;
    }
}
