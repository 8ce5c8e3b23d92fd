package org.genrekit.apps.cli.progress;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.genrekit.core.progress.ProgressListener;

/**
 * A progress bar on stderr with rate and ETA, safe to advance from many threads: how the CLI shows
 * a library's {@link ProgressListener.Stage} (see {@link ProgressBars}).
 * On a terminal it redraws one line at most 10 times a second; when stderr is not a terminal (a log
 * file, CI) it prints a plain line at most every {@value #LOG_INTERVAL_SECONDS} seconds, so logs
 * stay short. Set {@code GENREKIT_PROGRESS=never|always|log} (or system property
 * {@code genrekit.progress}) to force a mode.
 *
 * <pre>{@code
 * try (ProgressBar bar = new ProgressBar("extract", files.size())) {
 *     files.parallelStream().forEach(f -> { work(f); bar.step(); });
 * }
 * }</pre>
 */
public final class ProgressBar implements ProgressListener.Stage {
    static final int LOG_INTERVAL_SECONDS = 10;
    private static final long TTY_INTERVAL_NANOS = 100_000_000L;
    private static final int WIDTH = 28;

    enum Mode { TTY, LOG, NEVER }

    private final String label;
    private final long total;
    private final PrintStream out;
    private final Mode mode;
    private final long start = System.nanoTime();
    private final AtomicLong done = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong nextRender;
    private volatile boolean closed;
    private volatile String note = "";

    /** A bar for {@code total} items ({@code total <= 0}: unknown, shows count and rate only). */
    public ProgressBar(String label, long total) {
        this(label, total, System.err, detectMode());
    }

    /** The same, drawn on {@code out} (e.g. a command's own error stream). */
    public ProgressBar(String label, long total, PrintStream out) {
        this(label, total, out, detectMode());
    }

    ProgressBar(String label, long total, PrintStream out, Mode mode) {
        this.label = label;
        this.total = total;
        this.out = out;
        this.mode = mode;
        this.nextRender = new AtomicLong(start + (mode == Mode.LOG ? LOG_INTERVAL_SECONDS * 1_000_000_000L : 0));
    }

    static Mode detectMode() {
        String s = System.getProperty("genrekit.progress", System.getenv("GENREKIT_PROGRESS"));
        if (s != null) {
            switch (s.strip().toLowerCase(Locale.ROOT)) {
                case "never", "off", "0", "false" -> { return Mode.NEVER; }
                case "always", "tty" -> { return Mode.TTY; }
                case "log" -> { return Mode.LOG; }
                default -> { }
            }
        }
        var c = System.console();
        return c != null && c.isTerminal() ? Mode.TTY : Mode.LOG;
    }

    /** One item done. */
    @Override
    public void step() {
        step(1);
    }

    /** {@code n} items done. */
    @Override
    public void step(long n) {
        done.addAndGet(n);
        maybeRender();
    }

    /** One item done that failed (counted in both done and failed). */
    @Override
    public void fail() {
        failed.incrementAndGet();
        step(1);
    }

    /** A short text shown after the figures (e.g. the current file). */
    @Override
    public void note(String text) {
        this.note = text == null ? "" : text;
    }

    public long done() {
        return done.get();
    }

    public long failed() {
        return failed.get();
    }

    private void maybeRender() {
        if (mode == Mode.NEVER || closed) return;
        long now = System.nanoTime();
        long next = nextRender.get();
        if (now < next) return;
        long interval = mode == Mode.TTY ? TTY_INTERVAL_NANOS : LOG_INTERVAL_SECONDS * 1_000_000_000L;
        if (!nextRender.compareAndSet(next, now + interval)) return; // another thread renders this tick
        render(false);
    }

    private synchronized void render(boolean last) {
        String line = line(done.get(), failed.get(), (System.nanoTime() - start) / 1e9);
        if (mode == Mode.TTY) {
            out.print("\r" + line + "\u001b[K" + (last ? "\n" : ""));
        } else {
            out.println(line);
        }
        out.flush();
    }

    String line(long d, long f, double seconds) {
        StringBuilder sb = new StringBuilder(label).append(' ');
        double rate = seconds > 0 ? d / seconds : 0;
        if (total > 0) {
            double frac = Math.min(1, d / (double) total);
            int fill = (int) Math.round(frac * WIDTH);
            sb.append('[').append("#".repeat(fill)).append(".".repeat(WIDTH - fill)).append("] ");
            sb.append(d).append('/').append(total).append(String.format(Locale.ROOT, " %3.0f%%", frac * 100));
        } else {
            sb.append(d);
        }
        sb.append(String.format(Locale.ROOT, "  %s/s", rate >= 10 ? String.format(Locale.ROOT, "%.0f", rate) : String.format(Locale.ROOT, "%.2f", rate)));
        if (total > 0 && d < total && rate > 0) sb.append("  ETA ").append(duration((total - d) / rate));
        else sb.append("  ").append(duration(seconds));
        if (f > 0) sb.append("  failed ").append(f);
        if (!note.isEmpty()) sb.append("  ").append(note);
        return sb.toString();
    }

    /** {@code 75} → {@code 1m15s}. */
    static String duration(double s) {
        long t = Math.round(s);
        if (t < 60) return t + "s";
        if (t < 3600) return (t / 60) + "m" + String.format(Locale.ROOT, "%02ds", t % 60);
        return (t / 3600) + "h" + String.format(Locale.ROOT, "%02dm", (t % 3600) / 60);
    }

    @Override
    public void end(String summary) {
        if (summary == null) close();
        else closeWith(summary);
    }

    /** Prints the final line (always, unless mode is never). */
    @Override
    public void close() {
        if (closed) return;
        closed = true;
        if (mode != Mode.NEVER) render(true);
    }

    /** Ends the bar with {@code summary} in its place (one line per finished stage, e.g. per epoch). */
    public synchronized void closeWith(String summary) {
        if (closed) return;
        closed = true;
        if (mode == Mode.NEVER) return;
        out.print((mode == Mode.TTY ? "\r" : "") + summary + (mode == Mode.TTY ? "\u001b[K" : "") + System.lineSeparator());
        out.flush();
    }
}
