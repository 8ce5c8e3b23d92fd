package org.genrekit.apps.cli.model;

import java.io.PrintStream;
import org.genrekit.data.progress.ProgressBar;
import org.genrekit.models.Progress;

/** Library progress shown to the user: each stage as a progress bar on stderr, each failure as one line. */
final class ProgressBars implements Progress {
    private final String command;
    private final PrintStream err;

    ProgressBars(String command, PrintStream err) {
        this.command = command;
        this.err = err;
    }

    @Override
    public Stage start(String name, long steps) {
        ProgressBar bar = new ProgressBar(name, steps, err);
        return new Stage() {
            @Override
            public void step() {
                bar.step();
            }

            @Override
            public void fail(String what) {
                bar.fail();
                err.println("genrekit " + command + ": skipped " + what);
            }

            @Override
            public void close() {
                bar.close();
            }
        };
    }
}
