package org.genrekit.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The driver JVM (a child process) is killed after some tasks committed their output but before
 * the job committed: Hadoop's committer leaves that output in {@code OUT/_temporary/0/task_*}. The
 * rerun must give every file exactly once (before the fix, its job commit merged the leftovers in
 * and those files had two rows).
 */
class KilledDriverTest {
    @Test
    void aRerunAfterTheDriverWasKilledMidJobGivesEveryFileExactlyOnce(@TempDir Path tmp) throws Exception {
        Path shared = LocalSpark.shared("gtzan-3genres");
        Path in = Files.createDirectories(tmp.resolve("in"));
        for (String g : List.of("classical", "jazz", "rock")) {
            for (int i = 0; i < 4; i++) {
                String name = g + ".0000" + i + ".mp3";
                Files.copy(shared.resolve(g).resolve(name), in.resolve(name));
            }
        }
        GenreSparkJobTest.corrupt(in.resolve("corrupt.mp3"));
        Path out = tmp.resolve("out");
        Path log = tmp.resolve("driver.log");
        // 13 files in 6 tasks on 2 cores, 0.5 s per file: the first task commits seconds before the job can
        ProcessBuilder pb = ChildJvm.java(List.of(), SlowJobMain.class.getName(), List.of(in.toString(), out.toString(), "parquet", "500"));
        pb.redirectErrorStream(true).redirectOutput(log.toFile());
        Process driver = pb.start();
        Path committedTask = null;
        long deadline = System.nanoTime() + 300_000_000_000L;
        while (committedTask == null) {
            committedTask = committedTask(out).orElse(null);
            if (committedTask != null) break;
            if (!driver.isAlive()) fail("the driver ended (exit " + driver.exitValue() + ") before any task committed:\n" + ChildJvm.tail(log));
            if (System.nanoTime() > deadline) {
                driver.destroyForcibly();
                fail("no task committed within 300 s:\n" + ChildJvm.tail(log));
            }
            Thread.sleep(20);
        }
        driver.destroyForcibly().waitFor(); // kill -9 of the driver JVM (executors are its threads in local mode)
        assertFalse(Files.exists(out.resolve("_SUCCESS")), "killed before the job commit");
        assertTrue(Files.isDirectory(committedTask), "a committed task's output is left behind");
        try (Stream<Path> s = Files.list(out)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().startsWith("part-")), "nothing committed yet");
        }

        SparkJobSummary rerun = new GenreSparkJob(LocalSpark.session(),
                new SparkJobConfig(List.of(in.toString()), null, out.toString(), null, 2000), new RmsClassifier.Source()).run();
        List<Row> rows = LocalSpark.session().read().parquet(out.toString()).collectAsList();
        assertEquals(13, rows.size(), "every file exactly once");
        assertEquals(13, rows.stream().map(r -> r.getString(r.fieldIndex("file"))).collect(Collectors.toSet()).size());
        assertTrue(rerun.removedUncommitted());
        assertEquals(12, rerun.ok());
        assertEquals(1, rerun.failed());
    }

    /** A task folder Hadoop's FileOutputCommitter moved into {@code _temporary/0} when that task committed. */
    private static Optional<Path> committedTask(Path out) throws java.io.IOException {
        Path attempt = out.resolve("_temporary/0");
        if (!Files.isDirectory(attempt)) return Optional.empty();
        try (Stream<Path> s = Files.list(attempt)) {
            return s.filter(p -> p.getFileName().toString().startsWith("task_")).findFirst();
        }
    }
}
