package org.genrekit.apps.cli.reliability;

import static org.genrekit.apps.cli.reliability.BadInputs.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.genrekit.apps.cli.Main;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exit codes that tell the truth, and no stale temporary files. */
class RerunAndExitCodeTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void quiet() {
        System.setProperty("genrekit.progress", "never");
    }

    @Test
    void trainOnAudioWithFailedFilesExitsThree() throws Exception {
        Path rock = Files.createDirectories(dir.resolve("in/rock"));
        Path classical = Files.createDirectories(dir.resolve("in/classical"));
        for (int i = 0; i < 3; i++) {
            BadInputs.floatWav(rock, "r" + i + ".wav", 3, 0.9 - 0.1 * i);
            BadInputs.floatWav(classical, "c" + i + ".wav", 3, 0.05 + 0.01 * i);
        }
        Files.writeString(rock.resolve("bad.wav"), "not audio at all");
        Path out = dir.resolve("m.gkm");
        BadInputs.Run r = run("train", "--data", dir.resolve("in").toString(), "--model", "knn", "--param", "k=1", "--holdout", "0",
                "--store", dir.resolve("store").toString(), "--out", out.toString());
        // Before the fix: exit 0, although the README promises 3 when some inputs failed.
        assertEquals(Main.EXIT_PARTIAL, r.code(), r.err());
        assertTrue(r.err().contains("train: 1 audio files failed and were left out (exit code 3)"), r.err());
        assertTrue(Files.isRegularFile(out), "the model of the good files is written");
    }

    @Test
    void aRerunRemovesTheTemporaryFilesOfAKilledRun() throws Exception {
        Path out = dir.resolve("t.csv");
        // what a run killed with SIGKILL while writing leaves behind
        Files.writeString(dir.resolve(".t.csv.tmp"), "half a table");
        Files.writeString(dir.resolve(".t.errors.csv.tmp"), "half an errors list");
        Path wav = BadInputs.floatWav(dir, "a.wav", 3, 0.5);
        assertEquals(Main.EXIT_OK, run("features", "extract", "--set", "gtzan58", "--out", out.toString(), wav.toString()).code());
        assertFalse(Files.exists(dir.resolve(".t.csv.tmp")));
        assertFalse(Files.exists(dir.resolve(".t.errors.csv.tmp")), "before the fix a run without failures left it");
        assertEquals(2, Files.readAllLines(out).size());
    }
}
