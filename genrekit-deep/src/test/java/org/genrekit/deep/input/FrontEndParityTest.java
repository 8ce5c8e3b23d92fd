package org.genrekit.deep.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.genrekit.audio.AudioLoader;
import org.genrekit.audio.LoadOptions;
import org.genrekit.audio.Signal;
import org.genrekit.features.sets.LogMel;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The deep front end's log-mel against features' LogMel with the same explicit parameters. */
class FrontEndParityTest {
    private static double worst(float[][] a, float[][] b) {
        assertEquals(a.length, b.length, "bands");
        assertEquals(a[0].length, b[0].length, "frames");
        double w = 0;
        for (int m = 0; m < a.length; m++) for (int t = 0; t < a[0].length; t++) w = Math.max(w, Math.abs(a[m][t] - b[m][t]));
        return w;
    }

    @Test
    void deepDefaultsOnNoiseAndTones() {
        Random rnd = new Random(3);
        float[] y = new float[22050 * 4 + 123];
        for (int i = 0; i < y.length; i++) y[i] = (float) (0.3 * Math.sin(2 * Math.PI * 440 * i / 22050.0) + 0.05 * rnd.nextGaussian());
        Signal s = new Signal(y, 22050);
        float[][] old = new LogMelFrontEnd(LogMelRecipe.defaults()).compute(s);
        float[][] now = new LogMel(22050, 2048, 1024, 64, 0, 11025).compute(s);
        double w = worst(old, now);
        assertTrue(w < 1e-3, "largest difference " + w + " dB");
    }

    @Test
    void smallRecipe() {
        Random rnd = new Random(5);
        float[] y = new float[8000 * 2];
        for (int i = 0; i < y.length; i++) y[i] = (float) (0.5 * Math.sin(2 * Math.PI * 1200 * i / 8000.0) + 0.05 * rnd.nextGaussian());
        Signal s = new Signal(y, 8000);
        double w = worst(new LogMelFrontEnd(new LogMelRecipe(8000, 256, 128, 16, 0, 4000)).compute(s), new LogMel(8000, 256, 128, 16, 0, 4000).compute(s));
        assertTrue(w < 1e-3, "largest difference " + w + " dB");
    }

    @Test
    void deepDefaultsOnGtzanAudio() throws Exception {
        Path f = Path.of(System.getProperty("genrekit.shared", "../shared"), "data", "gtzan-mini", "blues", "blues.00000.wav");
        Assumptions.assumeTrue(Files.isRegularFile(f), f + " absent: skipping");
        Signal s = AudioLoader.load(f, LoadOptions.atRate(22050));
        double w = worst(new LogMelFrontEnd(LogMelRecipe.defaults()).compute(s), new LogMel(22050, 2048, 1024, 64, 0, 11025).compute(s));
        assertTrue(w < 1e-3, "largest difference " + w + " dB");
    }
}
