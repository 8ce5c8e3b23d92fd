package org.genrekit.evaluation;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/** PNG pictures of evaluation results, drawn with Java2D (headless). */
public final class Charts {
    private static final int CELL = 44;

    private Charts() {
    }

    /** Confusion heatmap: cells shaded by the row-normalised rate, labelled with the count. */
    public static byte[] confusionHeatmap(List<String> labels, int[][] confusion, String title) {
        int k = labels.size();
        int left = 110, top = 60, bottom = 100, right = 30;
        int w = left + k * CELL + right, h = top + k * CELL + bottom;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = start(img);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.drawString(title, 10, 22);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        FontMetrics fm = g.getFontMetrics();
        for (int i = 0; i < k; i++) {
            int rowSum = 0;
            for (int v : confusion[i]) rowSum += v;
            for (int j = 0; j < k; j++) {
                double rate = rowSum == 0 ? 0 : confusion[i][j] / (double) rowSum;
                g.setColor(shade(rate));
                int x = left + j * CELL, y = top + i * CELL;
                g.fillRect(x, y, CELL, CELL);
                g.setColor(rate > 0.5 ? Color.WHITE : Color.BLACK);
                String s = Integer.toString(confusion[i][j]);
                g.drawString(s, x + (CELL - fm.stringWidth(s)) / 2, y + (CELL + fm.getAscent()) / 2 - 2);
            }
            g.setColor(Color.BLACK);
            String l = labels.get(i);
            g.drawString(l, left - 6 - fm.stringWidth(l), top + i * CELL + (CELL + fm.getAscent()) / 2 - 2);
        }
        g.setColor(Color.GRAY);
        g.setStroke(new BasicStroke(1));
        g.drawRect(left, top, k * CELL, k * CELL);
        g.setColor(Color.BLACK);
        AffineTransform orig = g.getTransform();
        for (int j = 0; j < k; j++) {
            String l = labels.get(j);
            g.setTransform(orig);
            g.translate(left + j * CELL + CELL / 2 + fm.getAscent() / 2, top + k * CELL + 6);
            g.rotate(Math.PI / 2);
            g.drawString(l, 0, 0);
        }
        g.setTransform(orig);
        g.drawString("predicted →", left + k * CELL / 2 - 30, h - 8);
        g.drawString("true ↓", 10, top - 8);
        g.dispose();
        return png(img);
    }

    /** Horizontal bars of per-class precision, recall and F1. */
    public static byte[] perClassBars(List<ClassMetrics> perClass, String title) {
        int rowH = 30, left = 110, top = 50, width = 420;
        int h = top + perClass.size() * rowH + 40;
        BufferedImage img = new BufferedImage(left + width + 60, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = start(img);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.drawString(title, 10, 22);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        Color[] colors = {new Color(0x4C72B0), new Color(0xDD8452), new Color(0x55A868)};
        String[] names = {"precision", "recall", "F1"};
        for (int s = 0; s < 3; s++) {
            g.setColor(colors[s]);
            g.fillRect(left + s * 90, 32, 10, 10);
            g.setColor(Color.BLACK);
            g.drawString(names[s], left + s * 90 + 14, 41);
        }
        FontMetrics fm = g.getFontMetrics();
        for (int i = 0; i < perClass.size(); i++) {
            ClassMetrics c = perClass.get(i);
            double[] v = {c.precision(), c.recall(), c.f1()};
            int y = top + i * rowH;
            g.setColor(Color.BLACK);
            g.drawString(c.label(), left - 6 - fm.stringWidth(c.label()), y + 18);
            for (int s = 0; s < 3; s++) {
                g.setColor(colors[s]);
                g.fillRect(left, y + 4 + s * 8, (int) Math.round(v[s] * width), 7);
            }
            g.setColor(Color.DARK_GRAY);
            g.drawString(String.format(Locale.ROOT, "%.2f", c.f1()), left + (int) Math.round(c.f1() * width) + 4, y + 27);
        }
        g.setColor(Color.GRAY);
        g.drawLine(left, top - 2, left, top + perClass.size() * rowH);
        g.drawLine(left + width, top - 2, left + width, top + perClass.size() * rowH);
        g.drawString("1.0", left + width - 8, top + perClass.size() * rowH + 14);
        g.drawString("0", left - 3, top + perClass.size() * rowH + 14);
        g.dispose();
        return png(img);
    }

    private static Graphics2D start(BufferedImage img) {
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.setColor(Color.BLACK);
        return g;
    }

    /** White to dark blue. */
    private static Color shade(double rate) {
        double t = Math.max(0, Math.min(1, rate));
        int r = (int) Math.round(255 - t * (255 - 8));
        int gg = (int) Math.round(255 - t * (255 - 48));
        int b = (int) Math.round(255 - t * (255 - 107));
        return new Color(r, gg, b);
    }

    private static byte[] png(BufferedImage img) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(img, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
