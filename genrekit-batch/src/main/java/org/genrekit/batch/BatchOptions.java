package org.genrekit.batch;

/**
 * How a batch run behaves.
 *
 * @param threads       worker threads (decode + compute), &gt;= 1
 * @param resume        skip files already in the results (and in the failures file unless {@code retryFailed})
 * @param retryFailed   with resume: try files that failed before again
 * @param rowsPerPart   Parquet only: rows per part file
 * @param partSeconds   Parquet only: close a part at least this often, so a kill loses little
 */
public record BatchOptions(int threads, boolean resume, boolean retryFailed, int rowsPerPart, double partSeconds) {
    public BatchOptions {
        if (threads < 1) throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        if (retryFailed && !resume) throw new IllegalArgumentException("retryFailed needs resume");
        if (rowsPerPart < 1) throw new IllegalArgumentException("rowsPerPart must be >= 1, got " + rowsPerPart);
        if (!(partSeconds > 0)) throw new IllegalArgumentException("partSeconds must be > 0, got " + partSeconds);
    }

    public static BatchOptions defaults() {
        return new BatchOptions(Runtime.getRuntime().availableProcessors(), false, false, 1000, 60);
    }

    public BatchOptions withThreads(int n) {
        return new BatchOptions(n, resume, retryFailed, rowsPerPart, partSeconds);
    }

    public BatchOptions withResume(boolean r, boolean retry) {
        return new BatchOptions(threads, r, retry, rowsPerPart, partSeconds);
    }

    public BatchOptions withParts(int rows, double seconds) {
        return new BatchOptions(threads, resume, retryFailed, rows, seconds);
    }
}
