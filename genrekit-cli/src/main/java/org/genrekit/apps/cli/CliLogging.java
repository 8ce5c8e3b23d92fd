package org.genrekit.apps.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Locale;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * What the user sees of the libraries' {@link System.Logger} messages: Genrekit's own at INFO and
 * above, other libraries' warnings and errors, one plain line each on stderr ({@code warning: ...},
 * {@code error: ...}), not java.util.logging's two-line records with a timestamp. The system
 * property {@code genrekit.log} (e.g. {@code FINE}) lowers Genrekit's level for diagnosis.
 */
final class CliLogging {
    private static final String GENREKIT = "org.genrekit";

    private CliLogging() {
    }

    static void install() {
        Logger root = Logger.getLogger("");
        for (Handler h : root.getHandlers()) root.removeHandler(h);
        root.setLevel(Level.WARNING);
        root.addHandler(new PlainHandler());
        Logger genrekit = Logger.getLogger(GENREKIT);
        genrekit.setLevel(level(System.getProperty("genrekit.log")));
    }

    private static Level level(String name) {
        if (name == null || name.isBlank()) return Level.INFO;
        try {
            return Level.parse(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("-Dgenrekit.log must be a java.util.logging level (SEVERE, WARNING, INFO, FINE, ...), got '" + name + "'", e);
        }
    }

    /** Writes to the System.err of the moment, so a redirected stream gets the lines too. */
    private static final class PlainHandler extends Handler {
        PlainHandler() {
            setLevel(Level.ALL);
        }

        @Override
        public void publish(LogRecord r) {
            if (!isLoggable(r)) return;
            String msg = r.getMessage();
            if (r.getParameters() != null && r.getParameters().length > 0) msg = java.text.MessageFormat.format(msg, r.getParameters());
            int v = r.getLevel().intValue();
            String prefix = v >= Level.SEVERE.intValue() ? "error: " : v >= Level.WARNING.intValue() ? "warning: " : "";
            StringBuilder line = new StringBuilder(prefix).append(msg);
            // an error (the server's internal ones) keeps its stack trace; a warning's message says enough
            if (r.getThrown() != null && (v >= Level.SEVERE.intValue() || Logger.getLogger(GENREKIT).isLoggable(Level.FINE))) {
                StringWriter trace = new StringWriter();
                r.getThrown().printStackTrace(new PrintWriter(trace));
                line.append(System.lineSeparator()).append(trace.toString().stripTrailing());
            }
            System.err.println(line);
        }

        @Override
        public void flush() {
            System.err.flush();
        }

        @Override
        public void close() {
            flush();
        }
    }
}
