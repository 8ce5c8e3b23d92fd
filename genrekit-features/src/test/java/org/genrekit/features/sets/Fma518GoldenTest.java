package org.genrekit.features.sets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.genrekit.audio.AudioLoader;
import org.genrekit.audio.LoadOptions;
import org.genrekit.audio.Signal;
import org.genrekit.features.FeatureRecipe;
import org.genrekit.features.Golden;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * fma518 against librosa 0.11 running the mdeff/fma features.py recipe: every value within 1 %
 * relative or 1e-6 absolute, median relative error at most 0.1 %, NaN exactly where librosa's.
 */
class Fma518GoldenTest {
    private static final Fma518 FMA = new Fma518();

    @Test
    void columnsAreFmaColumnsInOrder() throws IOException {
        List<String> lines = Files.readAllLines(Golden.librosa().resolve("_common/fma_columns.csv"));
        List<String> expected = new ArrayList<>();
        for (String l : lines.subList(1, lines.size())) {
            String[] p = l.split(",");
            expected.add(p[1] + "." + p[2] + "." + p[3]);
        }
        assertEquals(expected, FMA.columns());
        assertEquals(518, FMA.columns().size());
    }

    /** Real music at its native 44.1 kHz, as FMA loads it (sr=None). */
    @Test
    void gMusicAtNativeRate() throws Exception {
        Signal s = AudioLoader.load(Golden.shared().resolve("golden/audio/g_music.wav"), FMA.loadOptions());
        assertEquals(44100, s.sampleRate());
        assertClose("g_music", FMA.extract(s), golden("g_music", "fma_features"));
    }

    /** The recipe on librosa's own 22050 Hz decodes (y.npy), so that only the features are compared. */
    @ParameterizedTest
    @ValueSource(strings = {"g_music", "g_music_mp3"})
    void realMusicFromGoldenSignalAt22k(String input) {
        Fma518 at22k = new Fma518(FeatureRecipe.of("fma518").with("sr", "22050"));
        assertClose(input + "@22050", at22k.extract(Golden.signal(input)), golden(input, "fma_features_sr22050"));
    }

    /**
     * The MP3 decoded by our loader at 44.1 kHz (libsndfile + libmpg123, as librosa): every value,
     * the top spectral-contrast band above the encoder's low-pass included, within the tolerance.
     */
    @Test
    void gMusicMp3AtNativeRate() throws Exception {
        Signal s = AudioLoader.load(Golden.shared().resolve("golden/audio/g_music.mp3"), FMA.loadOptions());
        assertEquals(44100, s.sampleRate());
        float[] ours = FMA.extract(s);
        assertClose("g_music.mp3@44100", ours, golden("g_music_mp3", "fma_features"));
    }

    /** Synthetic inputs: reported, not asserted (skew/kurtosis of near-constant rows are ill-conditioned). */
    @ParameterizedTest
    @ValueSource(strings = {"a_sine1k", "b_chirp", "c_noise", "d_chord", "e_clicks"})
    void syntheticInputsReport(String input) {
        float[] ours = FMA.extract(Golden.signal(input));
        double[] gold = golden(input, "fma_features");
        double[] rel = relErrors(ours, gold);
        int over = 0;
        for (double r : rel) if (!(r <= 0.01)) over++;
        double max = Arrays.stream(rel).max().orElse(0);
        System.out.printf("fma518 %-9s median rel %.2e, max %.2e, %d values over 1%%%n", input, median(rel), max, over);
        for (int i = 0; i < gold.length; i++) {
            assertEquals(Double.isNaN(gold[i]), Float.isNaN(ours[i]), input + " " + FMA.columns().get(i) + " NaN-ness");
        }
        assertTrue(median(rel) <= 1e-3, input + ": median relative error " + median(rel));
    }

    static double[] golden(String input, String name) {
        return Golden.npy(input, name).data();
    }

    /** Per value: 0 when both NaN or within 1e-6 absolute, else |a-b|/|b| (infinite when NaN-ness differs). */
    static double[] relErrors(float[] ours, double[] gold) {
        assertEquals(gold.length, ours.length);
        double[] rel = new double[gold.length];
        for (int i = 0; i < gold.length; i++) {
            double g = gold[i];
            double o = ours[i];
            if (Double.isNaN(g) || Double.isNaN(o)) rel[i] = Double.isNaN(g) && Double.isNaN(o) ? 0 : Double.POSITIVE_INFINITY;
            else rel[i] = Math.abs(o - g) <= 1e-6 ? 0 : Math.abs(o - g) / Math.abs(g);
        }
        return rel;
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    static void assertClose(String label, float[] ours, double[] gold) {
        double[] rel = relErrors(ours, gold);
        List<String> cols = FMA.columns();
        StringBuilder bad = new StringBuilder();
        for (int i = 0; i < rel.length; i++) {
            if (!(rel[i] <= 0.01)) bad.append(String.format("%n  %s ours %.7g librosa %.7g", cols.get(i), ours[i], gold[i]));
        }
        double max = Arrays.stream(rel).max().orElse(0);
        System.out.printf("fma518 %-18s median rel %.2e, max %.2e%n", label, median(rel), max);
        assertTrue(bad.isEmpty(), label + ": values beyond 1% / 1e-6:" + bad);
        assertTrue(median(rel) <= 1e-3, label + ": median relative error " + median(rel));
    }
}
