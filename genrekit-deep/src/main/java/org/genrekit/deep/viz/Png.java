package org.genrekit.deep.viz;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import javax.imageio.ImageIO;

/** PNG output: atomic writes and a perceptual colour map for matrices. */
public final class Png {
    private Png() {
    }

    public static void write(BufferedImage img, Path out) throws IOException {
        Path dir = out.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + out.getFileName(), ".tmp");
        try {
            if (!ImageIO.write(img, "png", tmp.toFile())) throw new IOException("no PNG writer available");
            Files.move(tmp, out, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
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
                int rgb = magma((m[r][c] - lo) / range);
                for (int y = 0; y < scaleY; y++) {
                    for (int x = 0; x < scaleX; x++) img.setRGB(c * scaleX + x, (rows - 1 - r) * scaleY + y, rgb);
                }
            }
        }
        return img;
    }

    /** A magma-like map from black through purple and orange to pale yellow. */
    static int magma(float t) {
        float[][] stops = {{0, 0, 4}, {80, 18, 123}, {182, 54, 121}, {251, 136, 97}, {252, 253, 191}};
        float x = Math.clamp(t, 0f, 1f) * (stops.length - 1);
        int i = Math.min((int) x, stops.length - 2);
        float f = x - i;
        int r = Math.round(stops[i][0] + f * (stops[i + 1][0] - stops[i][0]));
        int g = Math.round(stops[i][1] + f * (stops[i + 1][1] - stops[i][1]));
        int b = Math.round(stops[i][2] + f * (stops[i + 1][2] - stops[i][2]));
        return (r << 16) | (g << 8) | b;
    }
}
