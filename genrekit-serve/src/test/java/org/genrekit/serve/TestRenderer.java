package org.genrekit.serve;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;
import org.genrekit.audio.Signal;

/** Test renderer: a small PNG of the signal's loudness over time (stands in for the log-mel picture). */
final class TestRenderer implements SpectrogramRenderer {
    @Override
    public byte[] png(Signal s) {
        int w = 200, h = 40;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        int per = Math.max(1, s.length() / w);
        for (int x = 0; x < w; x++) {
            double e = 0;
            for (int i = x * per; i < Math.min(s.length(), (x + 1) * per); i++) e += Math.abs(s.samples()[i]);
            int level = (int) Math.min(h, h * 2 * e / per);
            for (int y = 0; y < h; y++) img.setRGB(x, h - 1 - y, y < level ? 0x3867d6 : 0x101820);
        }
        var out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
