package org.genrekit.models.train;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicInteger;

/** A one-line progress bar on stderr (or nowhere), safe to advance from several threads. */
public final class Progress {
    private final PrintStream out;
    private final String what;
    private final int total;
    private final AtomicInteger done = new AtomicInteger();
    private final long start = System.nanoTime();

    public Progress(PrintStream out, String what, int total) {
        this.out = out;
        this.what = what;
        this.total = total;
        draw(0);
    }

    public static Progress silent(int total) {
        return new Progress(null, "", total);
    }

    public void step() {
        draw(done.incrementAndGet());
    }

    private synchronized void draw(int d) {
        if (out == null) return;
        int width = 30, filled = total == 0 ? width : d * width / total;
        double s = (System.nanoTime() - start) / 1e9;
        out.printf("\r%s [%s%s] %d/%d %.0fs", what, "#".repeat(filled), ".".repeat(width - filled), d, total, s);
        if (d >= total) out.println();
        out.flush();
    }
}
