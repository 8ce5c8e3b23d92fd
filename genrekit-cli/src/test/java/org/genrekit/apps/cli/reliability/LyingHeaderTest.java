package org.genrekit.apps.cli.reliability;

import static org.genrekit.apps.cli.reliability.BadInputs.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.genrekit.apps.cli.Main;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A header that lies about the length (an MP3 whose Xing tag claims 2^31 frames): before the fix
 * the decoder sized its buffer from it and every command died with OutOfMemoryError. Now the bad
 * file is one reported failure and the good file is processed.
 */
class LyingHeaderTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void quiet() {
        System.setProperty("genrekit.progress", "never");
    }

    @Test
    void classifyReportsTheLyingFileAndClassifiesTheGoodOne() throws Exception {
        Path bad = BadInputs.lyingMp3(dir, "bad.mp3");
        Path good = BadInputs.shared("data/gtzan-3genres/jazz/jazz.00001.mp3");
        BadInputs.Run r = run("classify", "--json", bad.toString(), good.toString());
        assertEquals(Main.EXIT_PARTIAL, r.code(), r.err());
        assertTrue(r.err().contains(bad + ": truncated: header promises"), r.err());
        assertTrue(r.err().contains("1 of 2 files failed"), r.err());
        assertEquals(good.toString(), new ObjectMapper().readTree(r.out().strip()).get("file").asText());
    }

    @Test
    void featuresExtractCountsTheLyingFileAsFailed() throws Exception {
        Path bad = BadInputs.lyingMp3(dir, "bad.mp3");
        Path good = BadInputs.shared("data/gtzan-3genres/jazz/jazz.00001.mp3");
        Path out = dir.resolve("t.csv");
        BadInputs.Run r = run("features", "extract", "--set", "gtzan58", "--out", out.toString(), bad.toString(), good.toString());
        assertEquals(Main.EXIT_PARTIAL, r.code(), r.err());
        assertTrue(r.err().contains("2 files, 1 ok, 1 failed"), r.err());
        assertEquals(2, Files.readAllLines(out).size(), "header + the good file");
        List<String> errors = Files.readAllLines(dir.resolve("t.errors.csv"));
        assertTrue(errors.get(1).contains("bad.mp3,decode,TRUNCATED,"), errors.toString());
    }

    @Test
    void batchFinishesWithTheLyingFileInItsFailures() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        BadInputs.lyingMp3(in, "bad.mp3");
        Files.copy(BadInputs.shared("data/gtzan-3genres/jazz/jazz.00001.mp3"), in.resolve("good.mp3"));
        Path out = dir.resolve("r.csv");
        BadInputs.Run r = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofMinutes(3),
                () -> run("batch", in.toString(), "--out", out.toString(), "--threads", "2"));
        assertEquals(Main.EXIT_PARTIAL, r.code(), r.err());
        assertEquals(2, Files.readAllLines(out).size(), "header + the good file");
        List<String> failures = Files.readAllLines(dir.resolve("r.csv.failures.csv"));
        assertTrue(failures.get(1).contains("bad.mp3") && failures.get(1).contains(",TRUNCATED,"), failures.toString());
    }
}
