package org.genrekit.apps.cli.progress;

import java.io.PrintStream;
import java.util.Objects;
import org.genrekit.core.progress.ProgressListener;

/** The CLI's progress listener: a {@link ProgressBar} on stderr (or a given stream) for each stage a library starts. */
public final class ProgressBars implements ProgressListener {
    private final PrintStream out;

    /** Bars on the stderr of the moment each stage starts. */
    public ProgressBars() {
        this.out = null;
    }

    /** Bars on {@code out} (e.g. a command's own error stream). */
    public ProgressBars(PrintStream out) {
        this.out = Objects.requireNonNull(out, "out");
    }

    @Override
    public Stage start(String label, long total) {
        return new ProgressBar(label, total, out != null ? out : System.err);
    }
}
