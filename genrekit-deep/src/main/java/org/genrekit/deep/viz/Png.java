package org.genrekit.deep.viz;

import java.awt.image.BufferedImage;
import org.genrekit.features.viz.SpectrogramPng;

/** Matrices as pictures (activation maps), in the same magma colour map as the spectrograms. */
public final class Png {
    private Png() {
    }

    /**
     * A matrix [rows][cols] as a picture, row 0 at the bottom (low frequencies down), scaled to its
     * own min..max, each cell {@code scale} pixels.
     */
    public static BufferedImage heatmap(float[][] m, int scaleX, int scaleY) {
        float lo = Float.POSITIVE_INFINITY, hi = Float.NEGATIVE_INFINITY;
        for (float[] r : m) for (float v : r) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        float range = hi > lo ? hi - lo : 1;
        int rows = m.length, cols = m[0].length;
        BufferedImage img = new BufferedImage(cols * scaleX, rows * scaleY, BufferedImage.TYPE_INT_RGB);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                int rgb = SpectrogramPng.magma((m[r][c] - lo) / range);
                for (int y = 0; y < scaleY; y++) {
                    for (int x = 0; x < scaleX; x++) img.setRGB(c * scaleX + x, (rows - 1 - r) * scaleY + y, rgb);
                }
            }
        }
        return img;
    }
}
