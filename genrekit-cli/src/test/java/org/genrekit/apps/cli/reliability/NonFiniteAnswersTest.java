package org.genrekit.apps.cli.reliability;

import static org.genrekit.apps.cli.reliability.BadInputs.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.genrekit.apps.cli.Main;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 32-bit float WAV of finite but huge samples (sine x 1e30) gives NaN features. Before the fix
 * classify printed "blues NaN, ..." with exit 0, features extract counted a row of NaN as ok and
 * batch wrote a genre with empty probabilities. Now it is the file's NON_FINITE_FEATURES error
 * everywhere; short and silent audio are classified with a warning naming the file.
 */
class NonFiniteAnswersTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void quiet() {
        System.setProperty("genrekit.progress", "never");
    }

    @Test
    void classifyRefusesTheNaNAnswer() throws Exception {
        Path huge = BadInputs.floatWav(dir, "huge.wav", 5, 1e30);
        Path fine = BadInputs.floatWav(dir, "fine.wav", 5, 0.5);
        BadInputs.Run r = run("classify", "--json", huge.toString(), fine.toString());
        assertEquals(Main.EXIT_PARTIAL, r.code(), r.err());
        assertTrue(r.err().contains(huge + ": non finite features: "), r.err());
        assertFalse(r.out().contains("NaN"), r.out());
        JsonNode j = new ObjectMapper().readTree(r.out().strip());
        assertEquals(fine.toString(), j.get("file").asText());
        assertEquals(0, j.get("warnings").size());
    }

    @Test
    void featuresExtractCountsANaNRowAsFailed() throws Exception {
        Path huge = BadInputs.floatWav(dir, "huge.wav", 5, 1e30);
        Path fine = BadInputs.floatWav(dir, "fine.wav", 5, 0.5);
        Path out = dir.resolve("t.csv");
        BadInputs.Run r = run("features", "extract", "--set", "gtzan58", "--out", out.toString(), huge.toString(), fine.toString());
        assertEquals(Main.EXIT_PARTIAL, r.code(), r.err());
        assertTrue(r.err().contains("2 files, 1 ok, 1 failed"), r.err());
        List<String> table = Files.readAllLines(out);
        assertEquals(2, table.size());
        assertFalse(table.get(1).contains("NaN"), table.get(1));
        List<String> errors = Files.readAllLines(dir.resolve("t.errors.csv"));
        assertTrue(errors.get(0).equals("file,stage,error_type,message") && errors.get(1).contains("huge.wav,features,NON_FINITE_FEATURES,"), errors.toString());
    }

    @Test
    void batchListsTheNaNFileAsAFailure() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        BadInputs.floatWav(in, "huge.wav", 5, 1e30);
        BadInputs.floatWav(in, "fine.wav", 5, 0.5);
        Path out = dir.resolve("r.csv");
        BadInputs.Run r = run("batch", in.toString(), "--out", out.toString(), "--features", "gtzan58", "--threads", "1");
        assertEquals(Main.EXIT_PARTIAL, r.code(), r.err());
        List<String> rows = Files.readAllLines(out);
        assertEquals(2, rows.size(), rows.toString());
        assertTrue(rows.get(1).contains("fine.wav"), rows.toString());
        List<String> failures = Files.readAllLines(dir.resolve("r.csv.failures.csv"));
        assertTrue(failures.get(1).contains("huge.wav") && failures.get(1).contains(",NON_FINITE_FEATURES,"), failures.toString());
    }

    @Test
    void shortAndSilentFilesAreClassifiedWithAWarning() throws Exception {
        Path tiny = BadInputs.floatWav(dir, "tiny.wav", 0.2, 0.5);
        Path silent = BadInputs.floatWav(dir, "silent.wav", 5, 0);
        BadInputs.Run r = run("classify", "--json", tiny.toString(), silent.toString());
        assertEquals(Main.EXIT_OK, r.code(), r.err());
        assertTrue(r.err().contains("warning: " + tiny + ": short audio: only 0.200 s of audio"), r.err());
        assertTrue(r.err().contains("warning: " + silent + ": silent audio: "), r.err());
        String[] lines = r.out().strip().split("\n");
        assertEquals("short_audio", new ObjectMapper().readTree(lines[0]).path("warnings").path(0).path("code").asText(), lines[0]);
        assertEquals("silent_audio", new ObjectMapper().readTree(lines[1]).path("warnings").path(0).path("code").asText(), lines[1]);
    }
}
