package org.genrekit.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.genrekit.audio.AudioLoader;
import org.genrekit.audio.LoadOptions;
import org.genrekit.features.FeatureSets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenreSparkJobTest {
    static void corrupt(Path file) throws java.io.IOException {
        byte[] junk = new byte[5000];
        new Random(3).nextBytes(junk);
        Files.write(file, junk);
    }

    @Test
    void oneRowPerFileWithErrorsRecordedAndRerunsSkipDoneFiles(@TempDir Path tmp) throws Exception {
        SparkSession spark = LocalSpark.session();
        Path mini = LocalSpark.shared("gtzan-mini");
        Path extra = Files.createDirectories(tmp.resolve("extra"));
        corrupt(extra.resolve("corrupt.mp3"));
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
        assertEquals(Map.of(Natives.here().key(), audioFiles + 1), first.natives(), "every row counted by its executor's natives");

        List<Row> rows = spark.read().parquet(out).collectAsList();
        assertEquals(audioFiles + 1, rows.size());
        assertEquals(rows.size(), rows.stream().map(r -> r.getString(r.fieldIndex("file"))).collect(Collectors.toSet()).size(), "one row per file");
        for (Row r : rows) {
            String path = r.getString(r.fieldIndex("file"));
            assertTrue(path.startsWith("/"), "file: inputs are written as batch writes them, plain paths: " + path);
            assertEquals(RmsClassifier.Source.INFO.sha256(), r.getString(r.fieldIndex("model_sha256")));
            assertEquals("rms", r.getString(r.fieldIndex("model_name")));
            assertEquals(Natives.here().mp3Decoder(), r.getString(r.fieldIndex("mp3_decoder")));
            if (path.endsWith("corrupt.mp3")) {
                assertNotNull(r.getString(r.fieldIndex("error_type")));
                assertEquals("decode", r.getString(r.fieldIndex("stage")));
                assertTrue(r.getString(r.fieldIndex("message")).contains("corrupt.mp3"), r.getString(r.fieldIndex("message")));
                assertNull(r.get(r.fieldIndex("genre")));
                assertNull(r.get(r.fieldIndex("p_loud")));
                assertEquals("corrupt", r.getString(r.fieldIndex("id")));
                continue;
            }
            assertNull(r.get(r.fieldIndex("message")), () -> path + ": " + r.get(r.fieldIndex("message")));
            // the executor's answer is the model's answer for that file, decoded here again
            float[] x = AudioLoader.load(Path.of(path), LoadOptions.defaults()).samples();
            double loud = r.getDouble(r.fieldIndex("p_loud"));
            assertEquals(RmsClassifier.pLoud(x), loud, 1e-12, path);
            assertEquals(1 - loud, r.getDouble(r.fieldIndex("p_quiet")), 1e-12, path);
            assertEquals(loud >= 0.5 ? "loud" : "quiet", r.getString(r.fieldIndex("genre")));
            assertEquals(x.length / 22050.0, r.getDouble(r.fieldIndex("analysed_s")), 1e-9);
            assertEquals(1, r.getInt(r.fieldIndex("windows")));
        }
        assertTrue(Files.isRegularFile(tmp.resolve("out").resolve(OutputFolder.SUMMARY)), "summary beside the output");

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
        SparkSession spark = LocalSpark.session();
        Path mini = LocalSpark.shared("gtzan-mini");
        Path lib = Files.createDirectories(tmp.resolve("lib/blues"));
        Path mp3 = Files.copy(mini.resolve("blues/blues.00099.mp3"), lib.resolve("blues.00099.mp3"));
        String out = tmp.resolve("features").toString();
        SparkJobSummary s = new GenreSparkJob(spark, new SparkJobConfig(List.of(), "folder:" + tmp.resolve("lib"), out, "gtzan58", 100), null).run();
        assertEquals(1, s.ok());
        Row r = spark.read().parquet(out).collectAsList().get(0);
        assertEquals("blues.00099", r.getString(r.fieldIndex("id")));
        assertEquals(mp3.toAbsolutePath().toString(), r.getString(r.fieldIndex("file")));
        var set = FeatureSets.create("gtzan58");
        assertTrue(List.of(r.schema().fieldNames()).containsAll(List.of("analysed_s", "millis", "f_" + set.columns().get(0))));
        assertTrue(List.of(r.schema().fieldNames()).stream().noneMatch(c -> c.equals("genre") || c.startsWith("model")), "no model asked for");
        float[] expected = set.extract(AudioLoader.load(mp3, set.loadOptions()));
        for (int i = 0; i < expected.length; i++) {
            String c = set.columns().get(i);
            assertEquals(expected[i], r.getFloat(r.fieldIndex("f_" + c)), 0f, c);
        }
    }
}
