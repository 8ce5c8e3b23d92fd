package org.genrekit.features.sets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.genrekit.audio.Signal;
import org.genrekit.features.FeatureRecipe;
import org.junit.jupiter.api.Test;

class Fma518RecipeTest {
    private static String message(Runnable r) {
        return assertThrows(IllegalArgumentException.class, r::run).getMessage();
    }

    @Test
    void loadsAtNativeRateByDefault() {
        Fma518 fma = new Fma518(FeatureRecipe.parse("fma518"));
        assertEquals(0, fma.loadOptions().targetSampleRate());
        assertEquals("fma518", fma.recipe().id());
        assertEquals(518, fma.columns().size());
        assertEquals("chroma_cens.kurtosis.01", fma.columns().get(0));
        assertEquals("zcr.std.01", fma.columns().get(517));
        assertEquals(22050, new Fma518(FeatureRecipe.parse("fma518{sr=22050}")).loadOptions().targetSampleRate());
    }

    @Test
    void rejectsBadRecipesAndSignals() {
        assertEquals("recipe 'gtzan58' is not fma518", message(() -> new Fma518(FeatureRecipe.of("gtzan58"))));
        assertEquals("unknown fma518 parameter 'n_fft' in 'fma518{n_fft=1024}' (known: sr)",
                message(() -> new Fma518(FeatureRecipe.parse("fma518{n_fft=1024}"))));
        assertEquals("sr must be an integer in 'fma518{sr=abc}'", message(() -> new Fma518(FeatureRecipe.parse("fma518{sr=abc}"))));
        assertEquals("sr=-5 must be 0 (the file's own rate) or a positive rate in Hz",
                message(() -> new Fma518(FeatureRecipe.parse("fma518{sr=-5}"))));
        Fma518 at22k = new Fma518(FeatureRecipe.parse("fma518{sr=22050}"));
        assertEquals("fma518 expects audio at 22050 Hz, got 44100 Hz", message(() -> at22k.extract(new Signal(new float[44100], 44100))));
        assertEquals("fma518 needs at least 2048 samples, got 100", message(() -> new Fma518().extract(new Signal(new float[100], 22050))));
    }

    @Test
    void silenceGivesNaNMomentsAndFiniteRest() {
        float[] v = new Fma518().extract(new Signal(new float[22050 * 3], 22050));
        var cols = new Fma518().columns();
        for (int i = 0; i < v.length; i++) {
            String c = cols.get(i);
            if (c.contains(".skew.") || c.contains(".kurtosis.")) assertTrue(Float.isNaN(v[i]), c + " = " + v[i]);
            else assertTrue(Float.isFinite(v[i]), c + " = " + v[i]);
        }
    }

    @Test
    void statisticsMatchNumpyAndScipy() {
        // x = [1, 2, 3, 4, 10]: mean 4, std sqrt(10), skew 1.1384199576606167 (biased), kurtosis -0.212 (Fisher, biased), as scipy.stats
        double[] s = Fma518Stats.of(new float[] {1, 2, 3, 4, 10});
        assertEquals(4.0, s[2], 1e-12);
        assertEquals(Math.sqrt(10), s[6], 1e-12);
        assertEquals(1.1384199576606167, s[5], 1e-12);
        assertEquals(-0.21199999999999974, s[0], 1e-12);
        assertEquals(3.0, s[3]);
        assertEquals(1.0, s[4]);
        assertEquals(10.0, s[1]);
        assertEquals(2.5, Fma518Stats.of(new float[] {4, 1, 3, 2})[3]);
    }
}
