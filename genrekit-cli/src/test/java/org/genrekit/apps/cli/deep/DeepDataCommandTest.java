package org.genrekit.apps.cli.deep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.genrekit.apps.cli.Main;
import org.genrekit.deep.DeepClassifier;
import org.genrekit.deep.bundle.DeepBundle;
import org.genrekit.deep.input.Planes;
import org.genrekit.features.sets.LogMel;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code deep train|eval --data SPEC} through genrekit-data's sources and splits, on the shared clips and pictures (tiny runs). */
class DeepDataCommandTest {
    @TempDir
    Path tmp;

    static Path shared(String dir) {
        Path p = Path.of(System.getProperty("genrekit.shared", "../shared"), "data", dir);
        Assumptions.assumeTrue(Files.isDirectory(p), p + " absent: skipping");
        return p;
    }

    /** Runs the CLI; returns {exit code, stdout, stderr}. */
    static Object[] run(String... args) {
        PrintStream oldOut = System.out, oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true));
        System.setErr(new PrintStream(err, true));
        try {
            return new Object[] {Main.execute(args), out.toString(), err.toString()};
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    /** The first {@code n} clip ids of each genre whose index is in [from, from + n). */
    private Path list(String name, int from, int n) throws Exception {
        List<String> ids = new ArrayList<>();
        for (String g : List.of("classical", "jazz", "rock")) {
            try (var files = Files.list(shared("gtzan-3genres").resolve(g))) {
                files.map(f -> f.getFileName().toString().replaceFirst("\\.[^.]+$", "")).sorted().skip(from).limit(n).forEach(ids::add);
            }
        }
        Path f = tmp.resolve(name);
        Files.write(f, ids);
        return f;
    }

    @Test
    void trainsAndEvaluatesOnAGtzanSpecWithASplit() throws Exception {
        Path dir = shared("gtzan-3genres");
        String spec = "gtzan:" + dir + "?split=lists&train=" + list("train.txt", 0, 4) + "&valid=" + list("valid.txt", 4, 2);
        Path out = tmp.resolve("g.gkm");
        Object[] r = run("deep", "train", "--data", spec, "--arch", "crnn1d", "--epochs", "1", "--batch", "4", "--crops", "1",
                "--threads", "1", "--quiet", "--cache", tmp.resolve("cache").toString(), "--out", out.toString());
        assertEquals(Main.EXIT_OK, r[0], (String) r[2]);
        assertTrue(((String) r[2]).contains("12 training, 6 validation tracks"), (String) r[2]);
        JsonNode metrics = new ObjectMapper().readTree(tmp.resolve("g.gkm.run/metrics.json").toFile());
        assertEquals(12, metrics.get("trainTracks").asInt());
        assertEquals(6, metrics.get("validTracks").asInt());
        try (DeepClassifier clf = DeepBundle.read(out)) {
            assertEquals(List.of("classical", "jazz", "rock"), clf.labels());
            LogMel front = Planes.logMel(clf.recipe());
            assertEquals(1024, front.hopLength(), "the deep recipe's hop, written explicitly");
            assertEquals(64, front.nMels());
        }
        r = run("deep", "eval", "--model", out.toString(), "--data", spec, "--part", "valid", "--cache", tmp.resolve("cache").toString());
        assertEquals(Main.EXIT_OK, r[0], (String) r[2]);
        JsonNode rep = new ObjectMapper().readTree((String) r[1]);
        assertEquals(6, rep.get("n").asInt());
        assertEquals(metrics.get("validAccuracy").asDouble(), rep.get("accuracy").asDouble(), 1e-9, "eval scores the valid part as training did");
        assertTrue(((String) r[2]).contains("true\\pred"), "the confusion table: " + r[2]);
    }

    @Test
    void trainsImageCnnOnSpectrogramPictures() throws Exception {
        Path dir = shared("gtzan-images");
        Path out = tmp.resolve("img.gkm");
        Object[] r = run("deep", "train", "--data", "images:" + dir + "?split=random&valid=0.3&test=0", "--arch", "image-cnn",
                "--epochs", "1", "--batch", "16", "--threads", "1", "--quiet", "--cache", tmp.resolve("cache").toString(), "--out", out.toString());
        assertEquals(Main.EXIT_OK, r[0], (String) r[2]);
        try (DeepClassifier clf = DeepBundle.read(out)) {
            assertEquals(Planes.PICTURE, clf.recipe().name());
            assertEquals(List.of("classical", "jazz", "rock"), clf.labels());
            var e = assertThrows(IllegalArgumentException.class, clf::loadOptions);
            assertTrue(e.getMessage().contains("not audio"), e.getMessage());
        }
        r = run("deep", "train", "--data", "images:" + dir, "--arch", "rescnn", "--epochs", "1", "--out", tmp.resolve("x.gkm").toString());
        assertEquals(Main.EXIT_USAGE, r[0]);
        assertTrue(((String) r[2]).contains("holds pictures; rescnn reads spectrogram input from audio; use --arch image-cnn"), (String) r[2]);
    }

    @Test
    void theFormerManifestOptionReadsAManifestWithoutSplitColumnAndSplitsIt() throws Exception {
        Path dir = shared("gtzan-3genres");
        StringBuilder csv = new StringBuilder("path,genre\n");
        for (String id : Files.readAllLines(list("some.txt", 0, 4))) {
            String genre = id.substring(0, id.indexOf('.'));
            csv.append(dir.resolve(genre).resolve(id + ".mp3")).append(',').append(genre).append('\n');
        }
        Path manifest = tmp.resolve("no-split.csv");
        Files.writeString(manifest, csv);
        Object[] r = run("deep", "train", "--manifest", manifest.toString(), "--arch", "crnn1d", "--epochs", "1", "--batch", "4", "--crops", "1",
                "--threads", "1", "--quiet", "--cache", tmp.resolve("cache").toString(), "--out", tmp.resolve("m.gkm").toString());
        assertEquals(Main.EXIT_OK, r[0], (String) r[2]);
        // no split column: 20 % of each genre's 4 clips (one) held out for validation
        assertTrue(((String) r[2]).contains("9 training, 3 validation tracks"), (String) r[2]);
    }
}
