package org.genrekit.deep.input;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Spectrogram pictures as grey levels in [0, 1], [height][width], low frequencies at the bottom. */
public final class Images {
    private Images() {
    }

    /** Renders a dB matrix [bands][frames] as a picture of the given size (80 dB range). */
    public static float[][] fromLogMel(float[][] db, int height, int width) {
        float max = Float.NEGATIVE_INFINITY;
        for (float[] r : db) for (float v : r) max = Math.max(max, v);
        int bands = db.length, frames = db[0].length;
        float[][] out = new float[height][width];
        for (int y = 0; y < height; y++) {
            double fy = (height - 1 - y) * (bands - 1) / (double) Math.max(1, height - 1);
            for (int x = 0; x < width; x++) {
                double fx = x * (frames - 1) / (double) Math.max(1, width - 1);
                float v = bilinear(db, fy, fx);
                out[y][x] = Math.clamp((v - (max - 80f)) / 80f, 0f, 1f);
            }
        }
        return out;
    }

    /** Reads a PNG/JPEG picture as luminance, resized to the given size. */
    public static float[][] fromFile(Path file, int height, int width) throws IOException {
        BufferedImage img = ImageIO.read(file.toFile());
        if (img == null) throw new IOException(file + ": not a readable image");
        float[][] grey = new float[img.getHeight()][img.getWidth()];
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y);
                grey[y][x] = (0.299f * ((rgb >> 16) & 255) + 0.587f * ((rgb >> 8) & 255) + 0.114f * (rgb & 255)) / 255f;
            }
        }
        float[][] out = new float[height][width];
        for (int y = 0; y < height; y++) {
            double fy = y * (grey.length - 1) / (double) Math.max(1, height - 1);
            for (int x = 0; x < width; x++) out[y][x] = bilinear(grey, fy, x * (grey[0].length - 1) / (double) Math.max(1, width - 1));
        }
        return out;
    }

    private static float bilinear(float[][] m, double fy, double fx) {
        int y0 = (int) Math.floor(fy), x0 = (int) Math.floor(fx);
        int y1 = Math.min(y0 + 1, m.length - 1), x1 = Math.min(x0 + 1, m[0].length - 1);
        double dy = fy - y0, dx = fx - x0;
        return (float) ((m[y0][x0] * (1 - dx) + m[y0][x1] * dx) * (1 - dy) + (m[y1][x0] * (1 - dx) + m[y1][x1] * dx) * dy);
    }
}
