package org.genrekit.features.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpectrogramPngTest {
    @TempDir
    Path tmp;

    @Test
    void lowFrequenciesAtTheBottomAndBrightMeansLoud() throws Exception {
        float[][] db = new float[4][3];
        for (float[] r : db) java.util.Arrays.fill(r, -80f);
        db[0][1] = 0f; // loud, lowest band
        Path png = tmp.resolve("s.png");
        SpectrogramPng.write(db, png, 80, 2);
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(6, img.getWidth());
        assertEquals(8, img.getHeight());
        int loud = img.getRGB(2, 7) & 0xffffff;
        int quiet = img.getRGB(2, 0) & 0xffffff;
        assertEquals(SpectrogramPng.magma(1.0), loud);
        assertEquals(SpectrogramPng.magma(0.0), quiet);
        assertTrue(brightness(loud) > brightness(quiet));
    }

    @Test
    void colormapIsMonotoneInBrightness() {
        double prev = -1;
        for (int i = 0; i <= 100; i++) {
            double b = brightness(SpectrogramPng.magma(i / 100.0));
            assertTrue(b >= prev - 1e-9, "brightness drops at " + i);
            prev = b;
        }
    }

    private static double brightness(int rgb) {
        return 0.299 * (rgb >> 16 & 255) + 0.587 * (rgb >> 8 & 255) + 0.114 * (rgb & 255);
    }
}
