package org.genrekit.apps.cli.deep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.genrekit.apps.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeepCommandTest {
    @TempDir
    Path tmp;

    private static String captureErr(Runnable r) {
        PrintStream old = System.err;
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        System.setErr(new PrintStream(b, true));
        try {
            r.run();
        } finally {
            System.setErr(old);
        }
        return b.toString();
    }

    @Test
    void unknownArchitectureIsAUsageError() throws Exception {
        Path csv = tmp.resolve("m.csv");
        Files.writeString(csv, "relative_path,genre,fault_filtered_part\na.wav,rock,train\nb.wav,jazz,valid\n");
        int[] code = new int[1];
        String err = captureErr(() -> code[0] = Main.execute("deep", "train", "--manifest", csv.toString(), "--arch", "transformer",
                "--out", tmp.resolve("x.gkm").toString()));
        assertEquals(Main.EXIT_USAGE, code[0], err);
        assertTrue(err.contains("unknown architecture 'transformer'"), err);
    }

    @Test
    void crossValidationOptionsAreChecked() throws Exception {
        Path csv = tmp.resolve("m.csv");
        Files.writeString(csv, "relative_path,genre,fault_filtered_part\na.wav,rock,train\nb.wav,jazz,valid\n");
        String out = tmp.resolve("x.gkm").toString();
        int[] code = new int[1];
        String err = captureErr(() -> code[0] = Main.execute("deep", "train", "--manifest", csv.toString(), "--cv", "1", "--out", out));
        assertEquals(Main.EXIT_USAGE, code[0], err);
        assertTrue(err.contains("--cv must be >= 2 folds, got 1"), err);
        err = captureErr(() -> code[0] = Main.execute("deep", "train", "--manifest", csv.toString(), "--artists", csv.toString(), "--out", out));
        assertEquals(Main.EXIT_USAGE, code[0], err);
        assertTrue(err.contains("--artists only groups --cv folds; add --cv K"), err);
        err = captureErr(() -> code[0] = Main.execute("deep", "train", "--manifest", csv.toString(), "--cv", "5", "--resume", "--out", out));
        assertEquals(Main.EXIT_USAGE, code[0], err);
        assertTrue(err.contains("--cv runs cannot --resume"), err);
    }

    @Test
    void fineTuningIsForBackboneArchitecturesAndWithinTheBackbone() throws Exception {
        Path csv = tmp.resolve("m.csv");
        Files.writeString(csv, "relative_path,genre,fault_filtered_part\na.wav,rock,train\nb.wav,jazz,valid\n");
        String out = tmp.resolve("x.gkm").toString();
        int[] code = new int[1];
        String err = captureErr(() -> code[0] = Main.execute("deep", "train", "--manifest", csv.toString(), "--arch", "rescnn", "--fine-tune", "2", "--out", out));
        assertEquals(Main.EXIT_USAGE, code[0], err);
        assertTrue(err.contains("--fine-tune applies to the backbone architectures [mn04-head], not to rescnn"), err);
        err = captureErr(() -> code[0] = Main.execute("deep", "train", "--manifest", csv.toString(), "--arch", "mn04-head", "--fine-tune", "16", "--out", out));
        assertEquals(Main.EXIT_USAGE, code[0], err);
        assertTrue(err.contains("fine-tune must be in [0, 15] blocks for mn04-head, got 16"), err);
        err = captureErr(() -> code[0] = Main.execute("deep", "train", "--manifest", csv.toString(), "--arch", "mn04-head", "--gain-db", "3", "--out", out));
        assertEquals(Main.EXIT_USAGE, code[0], err);
        assertTrue(err.contains("leave --gain-db and --tilt-db at 0"), err);
        err = captureErr(() -> code[0] = Main.execute("deep", "train", "--manifest", csv.toString(), "--arch", "mn04-head", "--backbone-lr", "0", "--out", out));
        assertEquals(Main.EXIT_USAGE, code[0], err);
        assertTrue(err.contains("--backbone-lr must be > 0, got 0.0"), err);
    }

    @Test
    void visualizeRejectsAMissingModel() throws Exception {
        int[] code = new int[1];
        Path audio = java.nio.file.Files.writeString(tmp.resolve("a.wav"), "the audio is checked to exist before the model loads");
        String err = captureErr(() -> code[0] = Main.execute("visualize", audio.toString(), "--model",
                tmp.resolve("none.gkm").toString(), "--out", tmp.resolve("viz").toString()));
        assertEquals(Main.EXIT_USAGE, code[0]);
        assertTrue(err.contains("none.gkm"), err);
    }
}
