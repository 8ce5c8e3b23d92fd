package org.genrekit.deep.viz;

import org.genrekit.features.viz.SpectrogramPng;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.genrekit.deep.train.EpochStats;

/** Training curves: loss and accuracy per epoch, training vs validation, side by side. */
public final class CurvesPng {
    private static final int W = 520, H = 360, PAD = 48;

    private CurvesPng() {
    }

    public static void write(List<EpochStats> history, int bestEpoch, String title, Path out) throws IOException {
        BufferedImage img = new BufferedImage(2 * W, H, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 2 * W, H);
        double maxLoss = 0;
        for (EpochStats e : history) maxLoss = Math.max(maxLoss, Math.max(e.trainLoss(), e.validLoss()));
        panel(g, 0, history, bestEpoch, "loss — " + title, 0, Math.max(0.1, maxLoss * 1.05), EpochStats::trainLoss, EpochStats::validLoss);
        panel(g, W, history, bestEpoch, "accuracy (validation: tracks)", 0, 1, EpochStats::trainAccuracy, EpochStats::validAccuracy);
        g.dispose();
        SpectrogramPng.write(img, out);
    }

    private static void panel(Graphics2D g, int x0, List<EpochStats> h, int best, String title, double lo, double hi,
                              ToDoubleFunction<EpochStats> train, ToDoubleFunction<EpochStats> valid) {
        int left = x0 + PAD, right = x0 + W - 16, top = 32, bottom = H - PAD;
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        g.drawString(title, left, 20);
        g.drawRect(left, top, right - left, bottom - top);
        int n = Math.max(2, h.size());
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        for (int i = 0; i <= 4; i++) {
            double v = lo + (hi - lo) * i / 4;
            int y = bottom - (int) ((bottom - top) * i / 4.0);
            g.setColor(new Color(230, 230, 230));
            g.drawLine(left + 1, y, right - 1, y);
            g.setColor(Color.DARK_GRAY);
            g.drawString(String.format(Locale.ROOT, "%.2f", v), x0 + 6, y + 4);
        }
        g.drawString("epoch", (left + right) / 2 - 15, H - 12);
        for (int e = 1; e <= h.size(); e += Math.max(1, h.size() / 8)) {
            g.drawString(Integer.toString(h.get(e - 1).epoch()), xAt(e - 1, n, left, right) - 4, bottom + 14);
        }
        if (best > 0) {
            for (int i = 0; i < h.size(); i++) {
                if (h.get(i).epoch() == best) {
                    g.setColor(new Color(120, 190, 120));
                    g.drawLine(xAt(i, n, left, right), top, xAt(i, n, left, right), bottom);
                }
            }
        }
        series(g, h, train, new Color(31, 119, 180), lo, hi, n, left, right, top, bottom);
        series(g, h, valid, new Color(214, 39, 40), lo, hi, n, left, right, top, bottom);
        // Legend in the title row, where no curve can hide it.
        g.setColor(new Color(31, 119, 180));
        g.drawString("training", right - 120, 20);
        g.setColor(new Color(214, 39, 40));
        g.drawString("validation", right - 60, 20);
    }

    private static void series(Graphics2D g, List<EpochStats> h, ToDoubleFunction<EpochStats> f, Color c, double lo, double hi,
                               int n, int left, int right, int top, int bottom) {
        g.setColor(c);
        g.setStroke(new BasicStroke(2f));
        for (int i = 0; i < h.size(); i++) {
            int x = xAt(i, n, left, right);
            int y = bottom - (int) ((bottom - top) * Math.clamp((f.applyAsDouble(h.get(i)) - lo) / (hi - lo), 0, 1));
            g.fillOval(x - 3, y - 3, 6, 6);
            if (i > 0) {
                int px = xAt(i - 1, n, left, right);
                int py = bottom - (int) ((bottom - top) * Math.clamp((f.applyAsDouble(h.get(i - 1)) - lo) / (hi - lo), 0, 1));
                g.drawLine(px, py, x, y);
            }
        }
        g.setStroke(new BasicStroke(1f));
    }

    private static int xAt(int i, int n, int left, int right) {
        return left + 8 + (int) ((right - left - 16) * i / (double) (n - 1));
    }
}
