package org.genrekit.core.progress;

/**
 * How library code reports progress: it says what it starts, each item done and when it ends; the
 * caller decides what to show (the CLI draws a bar, a server or a test shows nothing). Calls may
 * come from several threads at once.
 */
public interface ProgressListener {
    /** Shows nothing. */
    ProgressListener NONE = new ProgressListener() {
    };

    /**
     * A stage begins.
     *
     * @param label what it does ("extract", "cross-validation (5 folds)")
     * @param total the items it will do, or -1 when unknown
     */
    default void start(String label, long total) {
    }

    /** {@code n} more items done. */
    default void step(long n) {
    }

    /** One more item done, which failed (counted as done too). */
    default void fail() {
        step(1);
    }

    /** A short text about the current item (a file name). */
    default void note(String text) {
    }

    /** The stage ended, normally or not; {@code summary} (may be null) replaces the running figures. */
    default void end(String summary) {
    }
}
