package org.genrekit.features.viz;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.genrekit.core.io.AtomicFiles;

/**
 * Writes a dB matrix {@code [rows][frames]} (row 0 = lowest frequency) as a PNG with a perceptual
 * colormap (magma, interpolated from its key colours), low frequencies at the bottom. The colour
 * range is {@code [max - rangeDb, max]}. Written to a temporary file and renamed.
 */
public final class SpectrogramPng {
    // matplotlib magma at 0, 1/8, ..., 1.
    private static final int[][] MAGMA = {
        {0, 0, 4}, {28, 16, 68}, {79, 18, 123}, {129, 37, 129}, {181, 54, 122},
        {229, 80, 100}, {251, 135, 97}, {254, 194, 135}, {252, 253, 191},
    };

    private SpectrogramPng() {
    }

    /** RGB of the colormap at {@code x} in [0, 1]. */
    public static int magma(double x) {
        double v = Math.min(1.0, Math.max(0.0, Double.isNaN(x) ? 0 : x)) * (MAGMA.length - 1);
        int i = Math.min((int) v, MAGMA.length - 2);
        double f = v - i;
        int r = (int) Math.round(MAGMA[i][0] + f * (MAGMA[i + 1][0] - MAGMA[i][0]));
        int g = (int) Math.round(MAGMA[i][1] + f * (MAGMA[i + 1][1] - MAGMA[i][1]));
        int b = (int) Math.round(MAGMA[i][2] + f * (MAGMA[i + 1][2] - MAGMA[i][2]));
        return (r << 16) | (g << 8) | b;
    }

    /** The image: one pixel per value, scaled by integer {@code scale} in both directions. */
    public static BufferedImage render(float[][] db, double rangeDb, int scale) {
        if (db.length == 0 || db[0].length == 0) throw new IllegalArgumentException("empty matrix");
        if (!(rangeDb > 0)) throw new IllegalArgumentException("rangeDb=" + rangeDb + " must be positive");
        if (scale < 1) throw new IllegalArgumentException("scale=" + scale + " must be a positive integer");
        int rows = db.length;
        int frames = db[0].length;
        float max = Float.NEGATIVE_INFINITY;
        for (float[] r : db) for (float v : r) if (v > max) max = v;
        double lo = max - rangeDb;
        BufferedImage img = new BufferedImage(frames * scale, rows * scale, BufferedImage.TYPE_INT_RGB);
        for (int r = 0; r < rows; r++) {
            int y0 = (rows - 1 - r) * scale;
            for (int t = 0; t < frames; t++) {
                int rgb = magma((db[r][t] - lo) / rangeDb);
                for (int dy = 0; dy < scale; dy++) {
                    for (int dx = 0; dx < scale; dx++) img.setRGB(t * scale + dx, y0 + dy, rgb);
                }
            }
        }
        return img;
    }

    /** Renders with an 80 dB range at 1:1 and writes {@code out} atomically. */
    public static void write(float[][] db, Path out) throws IOException {
        write(db, out, 80.0, 1);
    }

    public static void write(float[][] db, Path out, double rangeDb, int scale) throws IOException {
        write(render(db, rangeDb, scale), out);
    }

    /** Writes any picture as PNG under a temporary name beside {@code out}, then renames it into place. */
    public static void write(BufferedImage img, Path out) throws IOException {
        AtomicFiles.write(out, os -> {
            if (!ImageIO.write(img, "png", os)) throw new IOException("no PNG writer available");
        });
    }
}
