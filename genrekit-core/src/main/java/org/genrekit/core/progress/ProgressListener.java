package org.genrekit.core.progress;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * How library code reports progress: it starts a {@link Stage} for each stretch of work it can
 * count, steps it, and ends it; the caller decides what to show (the CLI draws a bar, a server or
 * a test shows nothing). The caller binds its listener for the calls it makes with
 * {@link #runWith}; library code asks for it with {@link #current()} (on the calling thread, before
 * handing work to its own threads), so progress needs no parameter on every API between the CLI
 * and the loop that does the work.
 */
@FunctionalInterface
public interface ProgressListener {
    /** Shows nothing. */
    ProgressListener NONE = (label, total) -> Stage.NONE;

    /**
     * A stage begins.
     *
     * @param label what it does ("extract gtzan58", "cross-validation (5 folds)")
     * @param total the items it will do, or -1 when unknown
     */
    Stage start(String label, long total);

    /** One stretch of counted work; its methods may be called from several threads at once. */
    interface Stage extends AutoCloseable {
        /** Counts nothing. */
        Stage NONE = new Stage() {
        };

        /** {@code n} more items done. */
        default void step(long n) {
        }

        /** One more item done. */
        default void step() {
            step(1);
        }

        /** One more item done, which failed (counted as done too). */
        default void fail() {
            step(1);
        }

        /** A short text about the current item (a file name, the running loss). */
        default void note(String text) {
        }

        /** The stage is over; {@code summary} (null for none) replaces the running figures. */
        default void end(String summary) {
        }

        /** Ends the stage without a summary. */
        @Override
        default void close() {
            end(null);
        }
    }

    /** The listener bound by {@link #runWith} on this thread, or {@link #NONE}. */
    static ProgressListener current() {
        return Binding.CURRENT.orElse(NONE);
    }

    /** Runs {@code work} with {@code listener} as {@link #current()} for the code it calls on this thread. */
    static <T> T runWith(ProgressListener listener, Supplier<T> work) {
        Objects.requireNonNull(listener, "listener");
        return ScopedValue.where(Binding.CURRENT, listener).call(work::get);
    }

    /** Holder of the scoped value (an interface cannot have private fields). */
    final class Binding {
        private static final ScopedValue<ProgressListener> CURRENT = ScopedValue.newInstance();

        private Binding() {
        }
    }
}
