package org.genrekit.spark;

/**
 * What a job run did.
 *
 * @param skipped files already in the output from earlier runs
 * @param ok      files processed successfully in this run
 * @param failed  files that got an error row in this run
 * @param seconds wall time
 */
public record SparkJobSummary(long skipped, long ok, long failed, double seconds) {
    public long processed() {
        return ok + failed;
    }
}
