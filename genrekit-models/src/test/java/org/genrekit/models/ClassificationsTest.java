package org.genrekit.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.genrekit.audio.AudioDecodeException;
import org.genrekit.audio.LoadOptions;
import org.genrekit.audio.Signal;
import org.genrekit.audio.SignalWarning;
import org.genrekit.features.FeatureRecipe;
import org.genrekit.models.bundle.ModelBundles;
import org.junit.jupiter.api.Test;

/** Every answer is checked before it is reported: NaN is an error, short or silent audio a warning. */
class ClassificationsTest {
    static final Path FILE = Path.of("huge.wav");

    static Signal sine(double seconds, double gain) {
        float[] x = new float[(int) (seconds * 22050)];
        for (int i = 0; i < x.length; i++) x[i] = (float) (gain * Math.sin(2 * Math.PI * 440 * i / 22050.0));
        return new Signal(x, 22050);
    }

    @Test
    void finiteButHugeSamplesAreANonFiniteFeaturesErrorNotANaNGenre() throws Exception {
        try (GenreClassifier clf = ModelBundles.loadDefault()) {
            // Before the fix: "blues NaN, classical NaN, ..." reported as success.
            AudioDecodeException e = assertThrows(AudioDecodeException.class,
                    () -> Classifications.classify(clf, FILE, sine(5, 1e30), false));
            assertEquals(AudioDecodeException.Reason.NON_FINITE_FEATURES, e.reason());
            assertTrue(e.getMessage().startsWith("huge.wav: non finite features: "), e.getMessage());
            assertTrue(e.getMessage().contains("features are not finite (chroma_stft_mean=NaN"), e.getMessage());
            Prediction ok = Classifications.classify(clf, FILE, sine(5, 0.5), true);
            assertEquals(List.of(), ok.warnings());
        }
    }

    @Test
    void aModelThatAnswersNaNIsRefused() {
        GenreClassifier nan = new GenreClassifier() {
            @Override public String name() { return "nan"; }
            @Override public String version() { return "1"; }
            @Override public List<String> labels() { return List.of("blues", "rock"); }
            @Override public FeatureRecipe recipe() { return FeatureRecipe.of("x"); }
            @Override public LoadOptions loadOptions() { return LoadOptions.defaults(); }
            @Override public Map<String, Object> metadata() { return Map.of(); }

            @Override
            public WindowScore score(Signal window) {
                return new WindowScore(new double[] {Double.NaN, Double.NaN}, 0, 0);
            }
        };
        AudioDecodeException e = assertThrows(AudioDecodeException.class, () -> Classifications.classify(nan, FILE, sine(2, 0.5), false));
        assertEquals(AudioDecodeException.Reason.NON_FINITE_FEATURES, e.reason());
        assertEquals("huge.wav: non finite features: model 'nan' answered non-finite probabilities (blues NaN, rock NaN)", e.getMessage());
    }

    @Test
    void shortAndSilentAudioCarryWarnings() throws Exception {
        try (GenreClassifier clf = ModelBundles.loadDefault()) {
            Prediction p = Classifications.classify(clf, FILE, sine(0.2, 0.5), false);
            assertEquals(List.of(SignalWarning.SHORT_AUDIO), p.warnings().stream().map(SignalWarning::code).toList());
            assertTrue(p.warnings().get(0).detail().startsWith("only 0.200 s of audio"), p.warnings().toString());
            Prediction q = Classifications.classify(clf, FILE, new Signal(new float[22050 * 3], 22050), false);
            assertEquals(List.of(SignalWarning.SILENT_AUDIO), q.warnings().stream().map(SignalWarning::code).toList());
        }
    }
}
