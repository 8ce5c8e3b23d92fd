package org.genrekit.apps.cli.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.genrekit.apps.cli.Main;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetScanCommandTest {
    @BeforeAll
    static void quiet() {
        System.setProperty("genrekit.progress", "never");
    }

    static Path shared(String rel) {
        String root = System.getProperty("genrekit.shared");
        assumeTrue(root != null && Files.exists(Path.of(root, rel)), "../shared/" + rel + " not available; skipping");
        return Path.of(root, rel);
    }

    /** Runs the CLI and returns [exit code, stdout]. */
    static Object[] run(String... args) {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            int code = Main.execute(args);
            return new Object[] {code, buf.toString(StandardCharsets.UTF_8)};
        } finally {
            System.setOut(old);
        }
    }

    @Test
    void gtzanThreeGenresCounts() {
        Object[] r = run("dataset", "scan", shared("data/gtzan-3genres").toString());
        String out = (String) r[1];
        assertEquals(Main.EXIT_OK, r[0], out);
        assertTrue(out.matches("(?s).*\\nclassical\\s+68\\s.*"), out);
        assertTrue(out.matches("(?s).*\\njazz\\s+59\\s.*"), out);
        assertTrue(out.matches("(?s).*\\nrock\\s+68\\s.*"), out);
        assertTrue(out.contains("22050 Hz (195)"), out);
        assertTrue(out.contains("unreadable: 0"), out);
    }

    @Test
    void badFilesAreReportedNotFatal(@TempDir Path dir) throws Exception {
        Path rock = Files.createDirectories(dir.resolve("music/rock"));
        Path jazz = Files.createDirectories(dir.resolve("music/jazz"));
        Files.copy(shared("data/gtzan-3genres/rock/rock.00001.mp3"), rock.resolve("good.mp3"));
        Files.write(rock.resolve("zero.mp3"), new byte[0]);
        byte[] wav = Files.readAllBytes(shared("data/gtzan-mini/blues/blues.00000.wav"));
        Files.write(jazz.resolve("truncated.wav"), java.util.Arrays.copyOf(wav, 60000));
        Files.writeString(jazz.resolve("notes.mp3"), "not audio at all");
        Path csv = dir.resolve("problems.csv");
        Object[] r = run("dataset", "scan", dir.resolve("music").toString(), "--deep", "--csv", csv.toString());
        String out = (String) r[1];
        assertEquals(Main.EXIT_PARTIAL, r[0], out);
        List<String> lines = Files.readAllLines(csv);
        assertEquals(4, lines.size(), lines.toString());
        assertEquals("file,stage,error_type,message,id,label,duration_s", lines.get(0));
        assertTrue(lines.stream().anyMatch(l -> l.contains("zero.mp3") && l.contains("EMPTY_FILE")), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.contains("truncated.wav") && l.contains("TRUNCATED")), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.contains("notes.mp3") && l.contains("NOT_AUDIO")), lines.toString());
        assertTrue(out.matches("(?s).*\\nrock\\s+2\\s.*"), out);
    }

    @Test
    void unknownSourceIsAUsageError() {
        assertEquals(Main.EXIT_USAGE, run("dataset", "scan", "/no/such/folder")[0]);
    }

    @Test
    void splitWritesListsThatReadBack(@TempDir Path dir) throws Exception {
        String spec = shared("data/gtzan-3genres/manifest.csv") + "?split=random&test=0.2&valid=0.1&seed=5";
        Object[] r = run("dataset", "split", spec, "--out", dir.toString());
        assertEquals(Main.EXIT_OK, r[0], (String) r[1]);
        int total = 0;
        for (String p : List.of("train.txt", "valid.txt", "test.txt")) total += Files.readAllLines(dir.resolve(p)).size();
        assertEquals(195, total);
        assertEquals(40, Files.readAllLines(dir.resolve("test.txt")).size(), "20% of each class, rounded: 14 + 12 + 14");
        Object[] info = run("dataset", "info", shared("data/gtzan-3genres/manifest.csv") + "?split=official");
        assertEquals(Main.EXIT_OK, info[0]);
        assertTrue(((String) info[1]).contains("split:"), (String) info[1]);
    }
}
