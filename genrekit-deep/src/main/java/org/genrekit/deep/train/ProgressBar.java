package org.genrekit.deep.train;

import java.io.PrintStream;
import java.util.Locale;

/** A one-line progress bar on stderr, redrawn at most ten times a second. */
public final class ProgressBar {
    private final PrintStream out;
    private final String title;
    private final int total;
    private final long start = System.nanoTime();
    private long lastDraw;

    public ProgressBar(PrintStream out, String title, int total) {
        this.out = out;
        this.title = title;
        this.total = Math.max(1, total);
    }

    public void update(int done, String suffix) {
        long now = System.nanoTime();
        if (done < total && now - lastDraw < 100_000_000L) return;
        lastDraw = now;
        int width = 24, filled = (int) Math.round(width * Math.min(1.0, done / (double) total));
        double secs = (now - start) / 1e9;
        out.print(String.format(Locale.ROOT, "\r%s [%s%s] %d/%d %.0fs %s", title, "=".repeat(filled), " ".repeat(width - filled),
                done, total, secs, suffix));
        out.flush();
    }

    public void finish(String summary) {
        out.print("\r\u001b[2K" + summary + System.lineSeparator());
        out.flush();
    }
}
