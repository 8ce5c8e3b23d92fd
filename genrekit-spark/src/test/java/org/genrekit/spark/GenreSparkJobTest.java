package org.genrekit.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.genrekit.audio.AudioLoader;
import org.genrekit.audio.LoadOptions;
import org.genrekit.features.FeatureSets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenreSparkJobTest {
    static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = SparkSession.builder().master("local[2]").appName("genrekit-test")
                .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1")
                .config("spark.sql.shuffle.partitions", "2").getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
    }

    @AfterAll
    static void stop() {
        if (spark != null) spark.stop();
    }

    static Path mini() {
        String s = System.getProperty("genrekit.shared");
        Path p = s == null ? null : Path.of(s, "data", "gtzan-mini");
        assumeTrue(p != null && Files.isDirectory(p), "../shared/data/gtzan-mini not found (system property genrekit.shared); skipping");
        return p;
    }

    @Test
    void oneRowPerFileWithErrorsRecordedAndRerunsSkipDoneFiles(@TempDir Path tmp) throws Exception {
        Path mini = mini();
        Path extra = Files.createDirectories(tmp.resolve("extra"));
        byte[] junk = new byte[5000];
        new Random(3).nextBytes(junk);
        Files.write(extra.resolve("corrupt.mp3"), junk);
        String out = tmp.resolve("out").toString();
        List<String> inputs = List.of(mini.toString(), extra.toString());
        long audioFiles;
        try (var s = Files.walk(mini)) {
            audioFiles = s.filter(p -> p.toString().endsWith(".wav") || p.toString().endsWith(".mp3")).count();
        }

        // files-per-commit 6: two committed batches
        SparkJobSummary first = new GenreSparkJob(spark, new SparkJobConfig(inputs, null, out, null, 6), new RmsClassifier.Source()).run();
        assertEquals(audioFiles, first.ok());
        assertEquals(1, first.failed());
        assertEquals(0, first.skipped());

        List<Row> rows = spark.read().parquet(out).collectAsList();
        assertEquals(audioFiles + 1, rows.size());
        assertEquals(rows.size(), rows.stream().map(r -> r.getString(r.fieldIndex("path"))).collect(Collectors.toSet()).size(), "one row per file");
        for (Row r : rows) {
            String path = r.getString(r.fieldIndex("path"));
            if (path.endsWith("corrupt.mp3")) {
                assertNotNull(r.getString(r.fieldIndex("error_reason")));
                assertTrue(r.getString(r.fieldIndex("error")).contains("corrupt.mp3"), r.getString(r.fieldIndex("error")));
                assertNull(r.get(r.fieldIndex("genre")));
                assertEquals("corrupt", r.getString(r.fieldIndex("track_id")));
                continue;
            }
            assertNull(r.get(r.fieldIndex("error")), () -> path + ": " + r.get(r.fieldIndex("error")));
            List<Double> p = r.getList(r.fieldIndex("probabilities"));
            // the executor's answer is the model's answer for that file, decoded here again
            float[] x = AudioLoader.load(Path.of(new org.apache.hadoop.fs.Path(path).toUri().getPath()), LoadOptions.defaults()).samples();
            assertEquals(RmsClassifier.pLoud(x), p.get(1), 1e-12, path);
            assertEquals(p.get(1) >= 0.5 ? "loud" : "quiet", r.getString(r.fieldIndex("genre")));
            assertEquals(x.length / 22050.0, r.getDouble(r.fieldIndex("duration_s")), 1e-9);
            assertTrue(r.isNullAt(r.fieldIndex("features")), "no features asked for");
        }

        SparkJobSummary again = new GenreSparkJob(spark, new SparkJobConfig(inputs, null, out, null, 6), new RmsClassifier.Source()).run();
        assertEquals(0, again.processed());
        assertEquals(audioFiles + 1, again.skipped());
        assertEquals(audioFiles + 1, spark.read().parquet(out).count());

        // a new file joins: only it is processed
        Files.copy(mini.resolve("blues/blues.00099.mp3"), extra.resolve("new.mp3"));
        SparkJobSummary third = new GenreSparkJob(spark, new SparkJobConfig(inputs, null, out, null, 6), new RmsClassifier.Source()).run();
        assertEquals(1, third.ok());
        assertEquals(0, third.failed());
        assertEquals(audioFiles + 2, spark.read().parquet(out).count());
    }

    @Test
    void extractsTheSameFeaturesAsTheFeatureSetFromADatasetSpec(@TempDir Path tmp) throws Exception {
        Path mini = mini();
        Path lib = Files.createDirectories(tmp.resolve("lib/blues"));
        Path mp3 = Files.copy(mini.resolve("blues/blues.00099.mp3"), lib.resolve("blues.00099.mp3"));
        String out = tmp.resolve("features").toString();
        SparkJobSummary s = new GenreSparkJob(spark, new SparkJobConfig(List.of(), "folder:" + tmp.resolve("lib"), out, "gtzan58", 100), null).run();
        assertEquals(1, s.ok());
        Row r = spark.read().parquet(out).collectAsList().get(0);
        assertEquals("blues.00099", r.getString(r.fieldIndex("track_id")));
        assertTrue(r.isNullAt(r.fieldIndex("genre")), "no model asked for");
        var set = FeatureSets.create("gtzan58");
        float[] expected = set.extract(AudioLoader.load(mp3, set.loadOptions()));
        List<Float> got = r.getList(r.fieldIndex("features"));
        assertEquals(expected.length, got.size());
        for (int i = 0; i < expected.length; i++) assertEquals(expected[i], got.get(i), 0f, set.columns().get(i));
    }
}
