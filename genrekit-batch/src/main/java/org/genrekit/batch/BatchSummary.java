package org.genrekit.batch;

/**
 * How a run went.
 *
 * @param ok        files processed successfully this run
 * @param failed    files that failed this run (listed in the failures file)
 * @param skipped   files skipped because an earlier run had finished them ({@code --resume})
 * @param seconds   wall time of the run
 * @param cancelled whether the run was stopped before the end (Ctrl-C)
 */
public record BatchSummary(long ok, long failed, long skipped, double seconds, boolean cancelled) {
    public long processed() {
        return ok + failed;
    }

    /** Files per minute this run. */
    public double perMinute() {
        return seconds > 0 ? processed() * 60.0 / seconds : 0;
    }
}
