package org.genrekit.spark;

import java.util.List;
import java.util.Map;
import org.genrekit.audio.LoadOptions;
import org.genrekit.audio.Signal;
import org.genrekit.features.FeatureRecipe;
import org.genrekit.models.GenreClassifier;
import org.genrekit.models.Prediction;

/** A deterministic test model: "loud" with probability min(1, 4 × RMS). */
final class RmsClassifier implements GenreClassifier {
    static double pLoud(float[] x) {
        double s = 0;
        for (float v : x) s += (double) v * v;
        return Math.min(1, 4 * Math.sqrt(s / Math.max(1, x.length)));
    }

    @Override
    public String name() {
        return "rms";
    }

    @Override
    public String version() {
        return "test";
    }

    @Override
    public List<String> labels() {
        return List.of("quiet", "loud");
    }

    @Override
    public FeatureRecipe recipe() {
        return FeatureRecipe.of("rms");
    }

    @Override
    public LoadOptions loadOptions() {
        return LoadOptions.defaults();
    }

    @Override
    public Prediction classify(Signal signal, boolean segments) {
        double p = pLoud(signal.samples());
        return new Prediction(labels(), new double[] {1 - p, p}, List.of(), 0, 0);
    }

    @Override
    public Map<String, Object> metadata() {
        return Map.of();
    }

    /** Ships to executors as a class name, like a bundle's file name. */
    record Source() implements ClassifierSource {
        @Override
        public String key() {
            return "rms-test";
        }

        @Override
        public GenreClassifier open() {
            return new RmsClassifier();
        }
    }
}
