package org.genrekit.apps.cli.batch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.genrekit.apps.cli.Main;
import org.jaudiotagger.audio.AudioFileIO;
import org.jaudiotagger.tag.FieldKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End to end through the command line: batch with resume and failures, tag dry run / apply, batch --write-tags. */
class BatchAndTagCommandTest {
    @TempDir
    Path tmp;

    static Path shared() {
        String s = System.getProperty("genrekit.shared");
        Path p = s == null ? null : Path.of(s);
        assumeTrue(p != null && Files.isDirectory(p.resolve("golden/audio")), "../shared not found; skipping");
        return p;
    }

    private Path library() throws Exception {
        Path lib = Files.createDirectories(tmp.resolve("lib/sub"));
        Files.copy(shared().resolve("golden/audio/g_music.mp3"), lib.resolve("music.mp3"));
        Files.copy(shared().resolve("data/ood/librosa/choice.ogg"), lib.getParent().resolve("choice.ogg"));
        byte[] junk = new byte[3000];
        new Random(5).nextBytes(junk);
        Files.write(lib.resolve("broken.mp3"), junk);
        for (Path p : List.of(lib.resolve("music.mp3"), lib.getParent().resolve("choice.ogg"))) p.toFile().setWritable(true);
        return lib.getParent();
    }

    private Path model() throws Exception {
        Path m = tmp.resolve("m.gkm");
        int rc = Main.execute("train", "--data", shared().resolve("data/gtzan-features/features_30_sec.csv").toString(),
                "--model", "logreg", "--holdout", "0", "--out", m.toString());
        assertEquals(0, rc);
        return m;
    }

    private static String stdout(Runnable r) {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            r.run();
        } finally {
            System.setOut(old);
        }
        return buf.toString(StandardCharsets.UTF_8);
    }

    @Test
    void batchWritesResultsAndFailuresAndResumes() throws Exception {
        Path lib = library();
        Path out = tmp.resolve("r.jsonl");
        assertEquals(Main.EXIT_PARTIAL, Main.execute("batch", "--features", "gtzan58", "--threads", "2", lib.toString(), "--out", out.toString()));
        assertEquals(2, Files.readAllLines(out).size());
        List<String> failures = Files.readAllLines(tmp.resolve("r.jsonl.failures.csv"));
        assertEquals(2, failures.size());
        assertTrue(failures.get(1).contains("broken.mp3"), failures.get(1));
        // without --resume an existing result file is never appended to or overwritten
        assertEquals(Main.EXIT_FAILURE, Main.execute("batch", "--features", "gtzan58", lib.toString(), "--out", out.toString()));
        assertEquals(Main.EXIT_OK, Main.execute("batch", "--features", "gtzan58", "--resume", lib.toString(), "--out", out.toString()));
        assertEquals(2, Files.readAllLines(out).size());
        assertEquals(Main.EXIT_USAGE, Main.execute("batch", lib.toString(), "--out", tmp.resolve("r.txt").toString()));
    }

    @Test
    void batchTakesTheDatasetAsDataLikeEveryCommand() throws Exception {
        Path lib = library();
        Path byData = tmp.resolve("d.jsonl"), byParam = tmp.resolve("p.jsonl");
        assertEquals(Main.EXIT_PARTIAL, Main.execute("batch", "--recipe", "gtzan58", "--data", lib.toString(), "--out", byData.toString()));
        assertEquals(Main.EXIT_PARTIAL, Main.execute("batch", "--recipe", "gtzan58", lib.toString(), "--out", byParam.toString()));
        assertEquals(Files.readAllLines(byParam).size(), Files.readAllLines(byData).size());
        assertEquals(2, Files.readAllLines(byData).size());
        // neither inputs nor --data: a usage error, not an empty run
        assertEquals(Main.EXIT_USAGE, Main.execute("batch", "--recipe", "gtzan58", "--out", tmp.resolve("none.jsonl").toString()));
    }

    @Test
    void tagDryRunChangesNothingApplyWritesAndBatchReusesIt() throws Exception {
        Path lib = library();
        Path m = model();
        Path mp3 = lib.resolve("sub/music.mp3");
        byte[] before = Files.readAllBytes(mp3);
        String dry = stdout(() -> assertEquals(Main.EXIT_OK, Main.execute("tag", "--model", m.toString(), mp3.toString())));
        assertTrue(dry.startsWith(mp3 + ": keep (none) -> '"), dry);
        assertTrue(dry.strip().matches(".*\\[[a-z]+ [01]\\.\\d{3}, [a-z]+ [01]\\.\\d{3}, [a-z]+ [01]\\.\\d{3}]"), "the top 3 genres: " + dry);
        assertArrayEquals(before, Files.readAllBytes(mp3), "a dry run must not touch the file");

        String applied = stdout(() -> assertEquals(Main.EXIT_OK,
                Main.execute("tag", "--model", m.toString(), "--apply", "--with-probability", "--backup", mp3.toString())));
        assertTrue(applied.contains("written: keep (none) -> '"), applied);
        String genre = AudioFileIO.read(mp3.toFile()).getTag().getFirst(FieldKey.GENRE);
        assertTrue(applied.contains("'" + genre + "'"), applied + " vs tag " + genre);
        assertArrayEquals(before, Files.readAllBytes(lib.resolve("sub/music.mp3.bak")));

        Path ogg = lib.resolve("choice.ogg");
        Path out = tmp.resolve("tags.csv");
        assertEquals(Main.EXIT_PARTIAL, Main.execute("batch", "--model", m.toString(), "--write-tags", "--apply", "--policy", "replace",
                lib.resolve("choice.ogg").toString(), lib.resolve("sub/broken.mp3").toString(), "--out", out.toString()));
        List<String> rows = Files.readAllLines(out);
        assertEquals(2, rows.size());
        assertTrue(rows.get(0).contains(",tag"), rows.get(0));
        assertTrue(rows.get(1).contains("written: replace (none) -> '"), rows.get(1));
        assertTrue(!AudioFileIO.read(ogg.toFile()).getTag().getFirst(FieldKey.GENRE).isEmpty());
    }

    @Test
    void tagLeavesFilesBelowTheMinimumProbabilityUntaggedAndCountsThem() throws Exception {
        Path lib = library();
        Path m = model();
        Path mp3 = lib.resolve("sub/music.mp3");
        byte[] before = Files.readAllBytes(mp3);
        // every probability is at most 1: a minimum of 1 only passes a certain answer, which a 10-genre logreg never gives here
        PrintStream oldErr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        String out;
        try {
            out = stdout(() -> assertEquals(Main.EXIT_OK, Main.execute("tag", "--model", m.toString(), "--apply", "--min-probability", "1", mp3.toString())));
        } finally {
            System.setErr(oldErr);
        }
        assertTrue(out.startsWith(mp3 + ": skipped: ") && out.contains(" is below --min-probability 1.000"), out);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("tag: 0 tagged, 1 below --min-probability, 0 failed"), err.toString(StandardCharsets.UTF_8));
        assertArrayEquals(before, Files.readAllBytes(mp3), "a file below the minimum is not touched");
        assertEquals(Main.EXIT_USAGE, Main.execute("tag", "--model", m.toString(), "--min-probability", "1.5", mp3.toString()));

        // batch --write-tags says why in the tag column
        Path results = tmp.resolve("unsure.csv");
        assertEquals(Main.EXIT_OK, Main.execute("batch", "--model", m.toString(), "--write-tags", "--min-probability", "1", "--out", results.toString(), mp3.toString()));
        List<String> rows = Files.readAllLines(results);
        assertTrue(rows.get(1).contains("skipped: ") && rows.get(1).contains("below --min-probability"), rows.get(1));
    }
}
