package org.genrekit.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The job's output folder on any Hadoop file system, beyond what Spark writes into it:
 * <ul>
 *   <li>{@value #JOB}: what the job writes (format, columns, model), so that a rerun with another
 *       model or format is refused instead of mixing tables;</li>
 *   <li>{@value #SUMMARY}: the last run's summary (cluster deploy mode hides the driver's console);</li>
 *   <li>the uncommitted leftovers of a killed run, removed before a rerun: Hadoop's
 *       {@code FileOutputCommitter} keeps committed task output in {@code _temporary/0/task_*} until
 *       the job commits, and the next job's commit would merge it in, duplicating its files' rows.</li>
 * </ul>
 * Spark's readers skip names starting with {@code _}, so none of these are read as results. One job
 * at a time per output folder.
 */
final class OutputFolder {
    static final String JOB = "_genrekit_job.json";
    static final String SUMMARY = "_genrekit_summary.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;
    private final FileSystem fs;

    OutputFolder(String out, Configuration conf) throws IOException {
        this.dir = new Path(out);
        this.fs = dir.getFileSystem(conf);
    }

    Path summaryFile() {
        return fs.makeQualified(new Path(dir, SUMMARY));
    }

    /**
     * Deletes what a killed job left uncommitted ({@code _temporary}, and S3A magic committer
     * {@code __magic*} folders); returns the folders deleted.
     */
    List<String> removeUncommitted() throws IOException {
        List<String> removed = new ArrayList<>();
        if (!fs.exists(dir)) return removed;
        for (FileStatus st : fs.listStatus(dir)) {
            String n = st.getPath().getName();
            if (st.isDirectory() && (n.equals("_temporary") || n.startsWith("__magic"))) {
                fs.delete(st.getPath(), true);
                removed.add(st.getPath().toString());
            }
        }
        return removed;
    }

    /** Whether an earlier run committed result files here. */
    boolean hasCommittedOutput() throws IOException {
        if (!fs.exists(dir)) return false;
        for (FileStatus st : fs.listStatus(dir)) if (st.isFile() && st.getPath().getName().startsWith("part-")) return true;
        return false;
    }

    /**
     * Records {@code job} as this folder's job, or checks that it is the one already recorded.
     *
     * @throws JobRefusedException when the folder holds another job's results
     */
    void claim(JsonNode job) throws IOException {
        Path f = new Path(dir, JOB);
        if (fs.exists(f)) {
            JsonNode had;
            try (InputStream in = fs.open(f)) {
                had = JSON.readTree(in);
            }
            if (!had.equals(job)) {
                throw new JobRefusedException(dir + " holds results of another job (" + describe(had) + "; this run: " + describe(job)
                        + "): rerun with the same --model, --features and --format, or choose another --out");
            }
            return;
        }
        if (hasCommittedOutput()) {
            throw new JobRefusedException(dir + " holds results but no " + JOB + " (written by another program or an older genrekit-spark): choose another --out");
        }
        fs.mkdirs(dir);
        write(f, job);
    }

    private static String describe(JsonNode job) {
        return "format " + job.path("format").asText() + ", model " + job.path("model_sha256").asText("none")
                + ", features " + job.path("features").asText("none");
    }

    void writeSummary(JsonNode summary) throws IOException {
        write(new Path(dir, SUMMARY), summary);
    }

    /**
     * Temp name, then rename, on whatever file system the folder is on (core's AtomicFiles only knows
     * local paths): a reader never sees half a file. Hadoop's rename does not replace, so an older
     * file is deleted first; a crash in between leaves the complete temp file beside it.
     */
    private void write(Path f, JsonNode value) throws IOException {
        Path tmp = new Path(f.getParent(), "." + f.getName() + ".tmp");
        try (OutputStream out = fs.create(tmp, true)) {
            out.write(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(value));
            out.write('\n');
        }
        if (fs.exists(f) && !fs.delete(f, false)) throw new IOException("could not replace " + f);
        if (!fs.rename(tmp, f)) throw new IOException("could not rename " + tmp + " to " + f);
    }
}
