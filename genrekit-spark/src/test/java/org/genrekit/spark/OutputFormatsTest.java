package org.genrekit.spark;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import org.genrekit.core.csv.CsvReader;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** JSON Lines and CSV output as batch writes them; reruns read each format back; another job's folder is refused. */
class OutputFormatsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Every line of the folder's part files (CSV: header lines dropped but the first). */
    static List<String> lines(Path dir, String suffix) throws Exception {
        List<String> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.filter(f -> f.getFileName().toString().startsWith("part-") && f.toString().endsWith(suffix)).sorted().toList()) {
                List<String> l = Files.readAllLines(p);
                if (suffix.equals(".csv") && !out.isEmpty() && !l.isEmpty()) l = l.subList(1, l.size());
                out.addAll(l);
            }
        }
        return out;
    }

    private static Path inputs(Path tmp) throws Exception {
        Path in = Files.createDirectories(tmp.resolve("in, \"quoted\""));
        Files.copy(LocalSpark.shared("gtzan-mini").resolve("blues/blues.00099.mp3"), in.resolve("blues.00099.mp3"));
        GenreSparkJobTest.corrupt(in.resolve("bad.mp3"));
        return in;
    }

    @Test
    void jsonLinesHaveBatchsObjectsAndRerunsSkipThem(@TempDir Path tmp) throws Exception {
        SparkSession spark = LocalSpark.session();
        Path in = inputs(tmp);
        Path out = tmp.resolve("out.jsonl");
        SparkJobConfig cfg = new SparkJobConfig(List.of(in.toString()), null, out.toString(), null, 1, OutputFormat.JSONL, false);
        SparkJobSummary s = new GenreSparkJob(spark, cfg, new RmsClassifier.Source()).run();
        assertEquals(1, s.ok());
        assertEquals(1, s.failed());
        List<String> lines = lines(out, ".json");
        assertEquals(2, lines.size(), lines.toString());
        for (String line : lines) {
            JsonNode o = JSON.readTree(line);
            List<String> keys = new ArrayList<>();
            o.fieldNames().forEachRemaining(keys::add);
            if (o.get("path").asText().endsWith("bad.mp3")) {
                assertEquals(List.of("path", "id", "millis", "error_reason", "error", "model", "model_version", "model_sha256",
                        "mp3_decoder", "resampler"), keys, line);
            } else {
                assertEquals(List.of("path", "id", "genre", "probability", "probabilities", "duration_s", "millis",
                        "model", "model_version", "model_sha256", "mp3_decoder", "resampler"), keys, line);
                assertEquals(in.resolve("blues.00099.mp3").toString(), o.get("path").asText());
                assertEquals(List.of("quiet", "loud"), List.copyOf(iterable(o.get("probabilities").fieldNames())));
                assertEquals(1.0, o.get("probabilities").get("quiet").asDouble() + o.get("probabilities").get("loud").asDouble(), 1e-12);
            }
        }
        SparkJobSummary again = new GenreSparkJob(spark, cfg, new RmsClassifier.Source()).run();
        assertEquals(0, again.processed());
        assertEquals(2, again.skipped());

        // another format or model into the same folder is refused, not mixed in
        SparkJobConfig parquet = new SparkJobConfig(List.of(in.toString()), null, out.toString(), null, 1, OutputFormat.PARQUET, false);
        JobRefusedException e = assertThrows(JobRefusedException.class, () -> new GenreSparkJob(spark, parquet, new RmsClassifier.Source()).run());
        assertTrue(e.getMessage().contains("holds results of another job (format jsonl"), e.getMessage());
        SparkJobConfig features = new SparkJobConfig(List.of(in.toString()), null, out.toString(), "gtzan58", 1, OutputFormat.JSONL, false);
        assertThrows(JobRefusedException.class, () -> new GenreSparkJob(spark, features, new RmsClassifier.Source()).run());
        assertEquals(2, lines(out, ".json").size());
    }

    private static List<String> iterable(java.util.Iterator<String> it) {
        List<String> l = new ArrayList<>();
        it.forEachRemaining(l::add);
        return l;
    }

    @Test
    void csvHasBatchsColumnsAndQuotingAndRerunsReadIt(@TempDir Path tmp) throws Exception {
        SparkSession spark = LocalSpark.session();
        Path in = inputs(tmp);
        Path out = tmp.resolve("out.csv");
        SparkJobConfig cfg = new SparkJobConfig(List.of(in.toString()), null, out.toString(), null, 1, OutputFormat.CSV, false);
        GenreSparkJob job = new GenreSparkJob(spark, cfg, new RmsClassifier.Source());
        SparkJobSummary s = job.run();
        assertEquals(2, s.processed());
        List<String> lines = lines(out, ".csv");
        assertEquals(3, lines.size(), lines.toString());
        List<String> header = fields(lines.get(0));
        assertEquals(job.schema().names(), header);
        assertEquals(List.of("path", "id", "genre", "probability", "p_quiet", "p_loud", "duration_s", "millis"), header.subList(0, 8),
                "batch's columns first");
        for (String line : lines.subList(1, 3)) {
            List<String> f = fields(line);
            assertEquals(header.size(), f.size(), line);
            assertTrue(f.get(0).startsWith(in.toString()), "RFC 4180 quoting of a path with a comma and quotes: " + line);
            boolean bad = f.get(0).endsWith("bad.mp3");
            assertEquals(bad, f.get(2).isEmpty(), line);
            assertEquals(bad, !f.get(header.indexOf("error_reason")).isEmpty(), line);
        }
        SparkJobSummary again = new GenreSparkJob(spark, cfg, new RmsClassifier.Source()).run();
        assertEquals(0, again.processed());
        assertEquals(2, again.skipped());
    }

    @Test
    void aRerunRemovesTheUncommittedTaskOutputOfAKilledRunInsteadOfMergingIt(@TempDir Path tmp) throws Exception {
        SparkSession spark = LocalSpark.session();
        Path in = inputs(tmp);
        Path first = tmp.resolve("first");
        new GenreSparkJob(spark, new SparkJobConfig(List.of(in.resolve("blues.00099.mp3").toString()), null, first.toString(), null, 10),
                new RmsClassifier.Source()).run();
        // what a driver killed before its job commit leaves: a committed task's file under _temporary
        Path out = tmp.resolve("out");
        Path task = Files.createDirectories(out.resolve("_temporary/0/task_202612060000000001_0003_m_000000"));
        try (Stream<Path> s = Files.list(first)) {
            for (Path p : s.filter(f -> f.getFileName().toString().startsWith("part-")).toList()) Files.copy(p, task.resolve(p.getFileName()));
        }
        SparkJobSummary s = new GenreSparkJob(spark, new SparkJobConfig(List.of(in.toString()), null, out.toString(), null, 10),
                new RmsClassifier.Source()).run();
        assertTrue(s.removedUncommitted());
        assertEquals(2, s.processed());
        assertEquals(2, spark.read().parquet(out.toString()).count(), "every file exactly once");
        assertFalse(Files.exists(out.resolve("_temporary")));
    }

    /** The fields of one physical CSV line. */
    static List<String> fields(String line) {
        try (CsvReader r = new CsvReader(new StringReader(line), "line")) {
            return r.next();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
