package org.genrekit.apps.cli.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.genrekit.apps.cli.Main;
import org.genrekit.data.VectorDataset;
import org.genrekit.data.table.FeatureTables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeaturesExtractCommandTest {
    @BeforeAll
    static void quiet() {
        System.setProperty("genrekit.progress", "never");
    }

    static Path shared(String rel) {
        String root = System.getProperty("genrekit.shared");
        assumeTrue(root != null && Files.exists(Path.of(root, rel)), "../shared/" + rel + " not available; skipping");
        return Path.of(root, rel);
    }

    static int run(String... args) {
        PrintStream old = System.err;
        System.setErr(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        try {
            return Main.execute(args);
        } finally {
            System.setErr(old);
        }
    }

    /** rock/good.mp3, jazz/good.mp3, rock/zero.mp3, jazz/notes.mp3. */
    static Path fixture(Path dir) throws Exception {
        Path rock = Files.createDirectories(dir.resolve("in/rock"));
        Path jazz = Files.createDirectories(dir.resolve("in/jazz"));
        Files.copy(shared("data/gtzan-3genres/rock/rock.00001.mp3"), rock.resolve("rock.00001.mp3"));
        Files.copy(shared("data/gtzan-3genres/jazz/jazz.00001.mp3"), jazz.resolve("jazz.00001.mp3"));
        Files.write(rock.resolve("zero.mp3"), new byte[0]);
        Files.writeString(jazz.resolve("notes.mp3"), "not audio");
        return dir.resolve("in");
    }

    @Test
    void tableWithFailuresListed(@TempDir Path dir) throws Exception {
        Path in = fixture(dir);
        Path out = dir.resolve("t.csv");
        assertEquals(Main.EXIT_PARTIAL, run("features", "extract", "--set", "gtzan58", "--out", out.toString(), in.toString()));
        List<String> lines = Files.readAllLines(out);
        assertEquals(3, lines.size(), "header + the two good files");
        assertTrue(lines.get(0).startsWith("filename,length,chroma_stft_mean,"), lines.get(0));
        assertTrue(lines.get(0).endsWith(",mfcc20_var,label"), lines.get(0));
        assertTrue(lines.get(1).startsWith("jazz.00001.mp3,") && lines.get(1).endsWith(",jazz"), "input order, label from the folder");
        List<String> errors = Files.readAllLines(dir.resolve("t.errors.csv"));
        assertEquals(3, errors.size(), errors.toString());
        assertTrue(errors.stream().anyMatch(l -> l.contains("zero.mp3,decode,EMPTY_FILE,")), errors.toString());
        assertTrue(errors.stream().anyMatch(l -> l.contains("notes.mp3,decode,NOT_AUDIO,")), errors.toString());
        VectorDataset ds = FeatureTables.read(out);
        assertEquals(List.of("jazz.00001", "rock.00001"), ds.ids());
        assertEquals(58, ds.dimension());
        // the file is whole 30 s at 22050 Hz: 'length' is its sample count
        assertTrue(ds.x()[0][0] > 22050 * 29 && ds.x()[0][0] < 22050 * 31, "length " + ds.x()[0][0]);
    }

    @Test
    void allGoodIsExitZeroAndStaleErrorsAreRemoved(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("t.csv");
        Files.writeString(dir.resolve("t.errors.csv"), "stale");
        assertEquals(Main.EXIT_OK, run("features", "extract", "--set", "gtzan58", "--out", out.toString(),
                shared("data/gtzan-3genres/rock/rock.00001.mp3").toString()));
        assertFalse(Files.exists(dir.resolve("t.errors.csv")));
        assertEquals(2, Files.readAllLines(out).size());
    }

    @Test
    void datasetIntoStoreSecondRunReuses(@TempDir Path dir) throws Exception {
        Path in = fixture(dir);
        Path store = dir.resolve("store");
        Path out = dir.resolve("t.csv");
        assertEquals(Main.EXIT_PARTIAL, run("features", "extract", "--dataset", in.toString(), "--set", "gtzan58", "--store", store.toString()));
        long mtime = newestPart(store);
        assertEquals(Main.EXIT_PARTIAL, run("features", "extract", "--dataset", in.toString(), "--set", "gtzan58", "--store", store.toString(),
                "--out", out.toString()));
        assertEquals(mtime, newestPart(store), "second run wrote no new part: nothing was extracted again");
        assertEquals(3, Files.readAllLines(out).size());
    }

    @Test
    void segmentsFromTheSpecBecomeRowsOfTheirTrack(@TempDir Path dir) throws Exception {
        Path rock = Files.createDirectories(dir.resolve("in/rock"));
        Files.copy(shared("data/gtzan-3genres/rock/rock.00001.mp3"), rock.resolve("rock.00001.mp3"));
        Path out = dir.resolve("seg.csv");
        assertEquals(Main.EXIT_OK, run("features", "extract", "--dataset", dir.resolve("in") + "?segments=2x3", "--set", "gtzan58",
                "--store", dir.resolve("store").toString(), "--out", out.toString()));
        List<String> lines = Files.readAllLines(out);
        assertEquals(3, lines.size());
        assertTrue(lines.get(1).startsWith("rock.00001.0.mp3,66150.0,"), lines.get(1));
        assertTrue(lines.get(2).startsWith("rock.00001.1.mp3,66150.0,"), lines.get(2));
        assertEquals(List.of("rock.00001", "rock.00001"), FeatureTables.read(out).ids(), "segment rows keep their track's id");
    }

    private static long newestPart(Path store) throws Exception {
        try (var s = Files.walk(store)) {
            return s.filter(p -> p.getFileName().toString().startsWith("part-")).mapToLong(p -> p.toFile().lastModified()).max().orElse(-1);
        }
    }

    @Test
    void usageErrors(@TempDir Path dir) {
        assertEquals(Main.EXIT_USAGE, run("features", "extract", "--set", "gtzan58", dir.toString()));
        assertEquals(Main.EXIT_USAGE, run("features", "extract", "--set", "nosuchset", "--out", dir.resolve("x.csv").toString(), dir.toString()));
        assertEquals(Main.EXIT_USAGE, run("features", "extract", "--set", "gtzan58", "--out", dir.resolve("x.csv").toString(), "/no/such/file.wav"));
        assertEquals(Main.EXIT_USAGE, run("features", "extract", "--set", "gtzan58", "--dataset", dir.toString()));
    }
}
