package org.genrekit.models;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.genrekit.audio.SignalWarning;

/**
 * A model's answer for one track under a {@link TrackPolicy}: a probability per label (summing to
 * 1), how many windows made it, optionally each window's probabilities, and how long each stage took.
 *
 * @param labels          the model's label set, in its order
 * @param probabilities   one per label
 * @param windowCount     windows combined into the answer
 * @param windows         per-window probabilities (empty unless asked for)
 * @param featureMillis   time spent computing features
 * @param inferenceMillis time spent in the model itself
 * @param warnings        what makes this answer a guess (very short or silent audio); empty for ordinary audio
 */
public record Prediction(List<String> labels, double[] probabilities, int windowCount, List<Window> windows,
                         double featureMillis, double inferenceMillis, List<SignalWarning> warnings) {
    /** Probabilities of one window of the track, and its weight in the track's mean. */
    public record Window(double startSeconds, double endSeconds, double weight, double[] probabilities) {
    }

    public Prediction {
        labels = List.copyOf(labels);
        windows = List.copyOf(windows);
        warnings = List.copyOf(warnings);
        if (probabilities.length != labels.size()) {
            throw new IllegalArgumentException("probabilities has " + probabilities.length + " values for " + labels.size() + " labels");
        }
        if (windowCount < 1) throw new IllegalArgumentException("windowCount must be >= 1, got " + windowCount);
    }

    /** Without warnings (as models answer; {@link Classifications} adds them). */
    public Prediction(List<String> labels, double[] probabilities, int windowCount, List<Window> windows, double featureMillis, double inferenceMillis) {
        this(labels, probabilities, windowCount, windows, featureMillis, inferenceMillis, List.of());
    }

    public Prediction withWarnings(List<SignalWarning> w) {
        return new Prediction(labels, probabilities, windowCount, windows, featureMillis, inferenceMillis, w);
    }

    public int topIndex() {
        int best = 0;
        for (int i = 1; i < probabilities.length; i++) if (probabilities[i] > probabilities[best]) best = i;
        return best;
    }

    public String topLabel() {
        return labels.get(topIndex());
    }

    /** Label indices from most to least probable (ties in label order). */
    public List<Integer> ranking() {
        List<Integer> idx = new ArrayList<>();
        for (int i = 0; i < probabilities.length; i++) idx.add(i);
        idx.sort(Comparator.comparingDouble((Integer i) -> -probabilities[i]));
        return idx;
    }
}
