package org.genrekit.spark;

import java.util.List;
import java.util.Map;
import org.genrekit.audio.LoadOptions;
import org.genrekit.audio.Signal;
import org.genrekit.features.FeatureRecipe;
import org.genrekit.models.GenreClassifier;
import org.genrekit.models.WindowScore;

/** A deterministic test model: "loud" with probability min(1, 4 × RMS). */
class RmsClassifier implements GenreClassifier {
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
    public WindowScore score(Signal window) {
        double p = pLoud(window.samples());
        return new WindowScore(new double[] {1 - p, p}, 0, 0);
    }

    /** An hour: every test file is one window, so a row's answer is pLoud of the whole file. */
    @Override
    public double clipSeconds() {
        return 3600;
    }

    @Override
    public Map<String, Object> metadata() {
        return Map.of();
    }

    /**
     * Ships to executors as a record, like a bundle's broadcast handle.
     *
     * @param delayMillis time each file takes (a slow run, for kill tests); the same model either way
     */
    record Source(long delayMillis) implements ClassifierSource {
        static final ModelInfo INFO = new ModelInfo("rms", "test", "0".repeat(64), List.of("quiet", "loud"));

        Source() {
            this(0);
        }

        @Override
        public ModelInfo info() {
            return INFO;
        }

        @Override
        public GenreClassifier open() {
            return delayMillis == 0 ? new RmsClassifier() : new RmsClassifier() {
                @Override
                public WindowScore score(Signal window) {
                    try {
                        Thread.sleep(delayMillis);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return super.score(window);
                }
            };
        }
    }
}
