package org.genrekit.audio;

/**
 * How the failure of one file is named in reports, alike in every command and worker pool. A
 * worker that processes many files catches {@link Throwable}: an {@link OutOfMemoryError} or
 * {@link StackOverflowError} on one pathological file is that file's failure, reported with the
 * others, never a silent loss, a dead worker or a hung run. (The huge allocation that failed is
 * garbage once the file is given up, so the next file has the memory again.)
 */
public final class Failures {
    private Failures() {
    }

    /** A stable reason name: the {@link AudioDecodeException.Reason}, OUT_OF_MEMORY, STACK_OVERFLOW, else the class's simple name. */
    public static String reason(Throwable t) {
        if (t instanceof AudioDecodeException ade) return ade.reason().name();
        if (t instanceof OutOfMemoryError) return "OUT_OF_MEMORY";
        if (t instanceof StackOverflowError) return "STACK_OVERFLOW";
        return t.getClass().getSimpleName();
    }

    /** One line for people: the exception's message, or what an error means for the file. */
    public static String message(Throwable t) {
        if (t instanceof OutOfMemoryError) {
            return "ran out of memory processing this file (" + t.getMessage() + "); give Java more memory"
                    + " (GENREKIT_JAVA_OPTS=-Xmx8g) or process a shorter window of the file";
        }
        if (t instanceof StackOverflowError) return "stack overflow while processing this file";
        String m = t.getMessage();
        return m == null || m.isBlank() ? t.toString() : m;
    }

    /** {@code FILE: message}, without repeating the file when the message already starts with it. */
    public static String describe(Object file, Throwable t) {
        String m = message(t);
        String f = String.valueOf(file);
        return m.startsWith(f) ? m : f + ": " + m;
    }
}
