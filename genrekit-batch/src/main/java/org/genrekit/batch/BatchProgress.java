package org.genrekit.batch;

/** What a run reports while it goes; the CLI shows it as a progress bar. Called from the writer thread. */
public interface BatchProgress {
    BatchProgress NONE = new BatchProgress() {
    };

    /** The number of files to do this run, once counted (counting runs beside the work). */
    default void total(long files) {
    }

    /** One file finished. */
    default void done(TrackResult r) {
    }

    /** The run ended (normally or not). */
    default void finish(BatchSummary summary) {
    }
}
