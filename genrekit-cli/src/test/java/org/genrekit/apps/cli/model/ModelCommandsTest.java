package org.genrekit.apps.cli.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.genrekit.apps.cli.Main;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** train / evaluate / classify through {@link Main#execute}, on a small synthetic feature table. */
class ModelCommandsTest {
    @TempDir
    static Path dir;
    static Path csv;
    static final ObjectMapper JSON = new ObjectMapper();

    /** Exit code, stdout and stderr of one CLI run. */
    record Run(int code, String out, String err) {
    }

    static synchronized Run run(String... args) {
        PrintStream o = System.out, e = System.err;
        ByteArrayOutputStream bo = new ByteArrayOutputStream(), be = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(bo, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(be, true, StandardCharsets.UTF_8));
            int code = Main.execute(args);
            return new Run(code, bo.toString(StandardCharsets.UTF_8), be.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(o);
            System.setErr(e);
        }
    }

    @BeforeAll
    static void table() throws Exception {
        // 3 classes x 30 tracks, Kaggle layout: filename, features..., label.
        Random r = new Random(11);
        String[] genres = {"jazz", "metal", "pop"};
        List<String> lines = new ArrayList<>();
        lines.add("filename,length,tempo,rms_var,mfcc1_mean,noise,label");
        for (int i = 0; i < 90; i++) {
            int c = i % 3;
            lines.add(String.format(Locale.ROOT, "%s.%05d.wav,661794,%.4f,%.6f,%.4f,%.4f,%s", genres[c], i,
                    100 + 20 * c + 5 * r.nextGaussian(), Math.exp(c + 0.3 * r.nextGaussian()) / 1000,
                    -100 + 40 * c + 15 * r.nextGaussian(), r.nextGaussian(), genres[c]));
        }
        csv = dir.resolve("features.csv");
        Files.write(csv, lines);
    }

    @ParameterizedTest
    @CsvSource({
            "majority,,0.2",
            "knn,k=5,0.8",
            "logreg,lambda=1,0.8",
            "svm-linear,C=0.3,0.8",
            "svm-rbf,C=3,0.8",
            "rf,trees=20,0.8",
            "gbm,trees=20,0.8",
            "xgboost,rounds=20,0.8",
            "mlp,epochs=60;lr=0.01,0.8",
            "ensemble,members=logreg;knn,0.8",
    })
    void everyModelTrainsSavesLoadsAndEvaluates(String model, String params, double minAccuracy) throws Exception {
        Path out = dir.resolve(model + ".gkm");
        List<String> args = new ArrayList<>(List.of("train", "--data", csv.toString(), "--model", model, "--out", out.toString(), "--threads", "1"));
        if (params != null) {
            for (String p : model.equals("ensemble") ? List.of(params.replace(';', ',')) : List.of(params.split(";"))) args.addAll(List.of("--param", p));
        }
        Run t = run(args.toArray(String[]::new));
        assertEquals(0, t.code(), t.err());
        assertTrue(t.err().contains("holding out a stratified 20% for validation"), t.err());
        JsonNode summary = JSON.readTree(t.out());
        assertEquals(18, summary.get("valid_n").asInt(), t.out());
        assertTrue(Files.size(out) > 0);

        Run e = run("evaluate", "--model", out.toString(), "--data", csv.toString());
        assertEquals(0, e.code(), e.err());
        JsonNode m = JSON.readTree(e.out());
        assertEquals(90, m.get("n").asInt());
        for (String k : List.of("accuracy", "balanced_accuracy", "macro_f1", "top2_accuracy")) assertTrue(m.has(k), k);
        assertEquals(3, m.get("confusion").size());
        double acc = m.get("accuracy").asDouble();
        assertTrue(acc >= minAccuracy, model + " accuracy " + acc);
        if (model.equals("majority")) assertTrue(acc < 0.5, "majority is a baseline: " + acc);
    }

    @Test
    void listsSearchReportAndBundleEnsemble() throws Exception {
        List<String> train = new ArrayList<>(), valid = new ArrayList<>();
        for (String line : Files.readAllLines(csv).subList(1, 91)) {
            String id = line.substring(0, line.indexOf(','));
            (Integer.parseInt(id.replaceAll("\\D", "")) % 4 == 0 ? valid : train).add(id);
        }
        Path tl = dir.resolve("train.txt"), vl = dir.resolve("valid.txt");
        Files.write(tl, train);
        Files.write(vl, valid);
        Path knn = dir.resolve("knn-search.gkm");
        Run t = run("train", "--data", csv.toString(), "--model", "knn", "--search", "--cv", "--folds", "3", "--out", knn.toString(),
                "--train-list", tl.toString(), "--valid-list", vl.toString());
        assertEquals(0, t.code(), t.err());
        assertTrue(t.err().contains("grid search knn (12 points x 3 folds)"), t.err());
        assertTrue(t.err().contains("grid search and nested CV by track-grouped 3-fold CV (no artists known;"), t.err());
        JsonNode s = JSON.readTree(t.out());
        assertEquals(valid.size(), s.get("valid_n").asInt());
        assertTrue(s.has("cv_mean") && s.get("spec").asText().startsWith("knn{"), t.out());
        assertEquals("track", s.get("cv_grouping").asText());
        assertTrue(s.get("cv_nested").asBoolean(), t.out());
        assertEquals(s.get("cv_std").asDouble() / Math.sqrt(3), s.get("cv_se").asDouble(), 1e-12);

        Path rep = dir.resolve("report");
        Run e = run("evaluate", "--model", knn.toString(), "--data", csv.toString(), "--list", vl.toString(), "--report", rep.toString());
        assertEquals(0, e.code(), e.err());
        JsonNode ev = JSON.readTree(e.out());
        assertEquals(valid.size(), ev.get("n").asInt());
        assertTrue(ev.get("training").get("cv_accuracy").get("mean").asDouble() > 0.5, e.out());
        assertTrue(ev.get("training").get("cv_accuracy").get("nested").asBoolean(), e.out());
        assertEquals(3, ev.get("training").get("cv_accuracy").get("chosen_params").size(), e.out());
        assertEquals(s.get("valid_accuracy").asDouble(), ev.get("accuracy").asDouble(), 1e-12, "evaluate agrees with train's validation");
        assertTrue(Files.readString(rep.resolve("report.html")).contains("data:image/png;base64,"));
        assertTrue(Files.size(rep.resolve("confusion.png")) > 1000);
        assertEquals(0, ev.get("seen_in_training").asInt(), "the valid list shares no track with the training list");
        assertFalse(e.err().contains("not validation figures"), e.err());

        // Scoring the training tracks themselves is flagged, in the JSON and on stderr.
        Run seen = run("evaluate", "--model", knn.toString(), "--data", csv.toString(), "--list", tl.toString());
        assertEquals(0, seen.code(), seen.err());
        assertEquals(train.size(), JSON.readTree(seen.out()).get("seen_in_training").asInt(), seen.out());
        assertTrue(seen.err().contains(train.size() + " of " + train.size() + " evaluated tracks were in the model's training data"), seen.err());

        Path lr = dir.resolve("lr-lists.gkm");
        assertEquals(0, run("train", "--data", csv.toString(), "--model", "logreg", "--out", lr.toString(),
                "--train-list", tl.toString(), "--valid-list", vl.toString()).code());
        Path ens = dir.resolve("both.gkm");
        Run b = run("train", "--data", csv.toString(), "--model", "bundles", "--param", "members=" + knn + "," + lr,
                "--param", "weights=1,2", "--out", ens.toString(), "--train-list", tl.toString(), "--valid-list", vl.toString());
        assertEquals(0, b.code(), b.err());
        assertTrue(JSON.readTree(b.out()).get("valid_accuracy").asDouble() > 0.8, b.out());
        Run be = run("evaluate", "--model", ens.toString(), "--data", csv.toString(), "--list", vl.toString());
        assertEquals(0, be.code(), be.err());
    }

    @Test
    void searchAloneReportsNoCvAccuracy() throws Exception {
        Run t = run("train", "--data", csv.toString(), "--model", "knn", "--param", "weights=uniform", "--search", "--folds", "3",
                "--holdout", "0", "--out", dir.resolve("knn-only-search.gkm").toString());
        assertEquals(0, t.code(), t.err());
        assertFalse(JSON.readTree(t.out()).has("cv_mean"), "the folds that chose the parameters do not measure them: " + t.out());
        assertTrue(t.err().contains("selection score") && t.err().contains("optimistic; --cv gives nested CV"), t.err());
    }

    @Test
    void artistGroupedCvOnTheKaggleTable() throws Exception {
        Path shared = Path.of(System.getProperty("genrekit.shared", "../shared"));
        Path table = shared.resolve("data/gtzan-features/features_30_sec.csv"), artists = shared.resolve("data/gtzan-splits/artists.csv");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(table) && Files.isRegularFile(artists),
                "shared Kaggle table / artists.csv not found under " + shared.toAbsolutePath() + " (set -Dgenrekit.shared); skipping");
        Path out = dir.resolve("lr-artist-cv.gkm");
        Run t = run("train", "--data", table + "?artists=" + artists, "--model", "logreg", "--cv", "--holdout", "0", "--out", out.toString());
        assertEquals(0, t.code(), t.err());
        assertTrue(t.err().contains("artist-grouped 5-fold CV: 156 artists + 44 tracks of unknown artist (a group each), no artist in two folds"), t.err());
        assertTrue(t.err().contains("artist-grouped 5-fold CV accuracy: 0."), t.err());
        JsonNode s = JSON.readTree(t.out());
        assertEquals("artist", s.get("cv_grouping").asText());
        assertEquals(5, s.get("cv_folds").asInt());
        assertEquals(s.get("cv_std").asDouble() / Math.sqrt(5), s.get("cv_se").asDouble(), 1e-12);
        assertTrue(s.get("cv_mean").asDouble() > 0.45 && s.get("cv_mean").asDouble() < 0.68, "artist-grouped, well below track-grouped 0.74: " + t.out());
        Run e = run("evaluate", "--model", out.toString(), "--data", table.toString());
        JsonNode cv = JSON.readTree(e.out()).get("training").get("cv_accuracy");
        assertEquals("artist", cv.get("grouping").asText(), e.out());
        assertEquals(s.get("cv_se").asDouble(), cv.get("se").asDouble(), 1e-12);

        Run h = run("train", "--data", table + "?artists=" + artists, "--model", "lda", "--out", dir.resolve("lda-ho.gkm").toString());
        assertEquals(0, h.code(), h.err());
        assertTrue(h.err().contains("holding out a stratified 20% for validation, artist-grouped (no artist on both sides)"), h.err());
    }

    @Test
    void usageErrors() {
        Run r = run("train", "--data", csv.toString(), "--model", "svm-rbf", "--param", "gamma=-1", "--out", dir.resolve("x.gkm").toString());
        assertEquals(Main.EXIT_USAGE, r.code());
        assertTrue(r.err().contains("parameter 'gamma' of algorithm 'svm-rbf' must be > 0 or scale, got '-1'"), r.err());
        Run u = run("train", "--data", csv.toString(), "--model", "logreg");
        assertEquals(Main.EXIT_USAGE, u.code());
        Run bad = run("evaluate", "--model", csv.toString(), "--data", csv.toString());
        assertEquals(Main.EXIT_USAGE, bad.code());
        assertTrue(bad.err().contains("not a Genrekit model bundle (not a zip file)"), bad.err());
    }

    @Test
    void classifyReportsABadFileAndGoesOn() throws Exception {
        Path junk = dir.resolve("junk.mp3");
        Files.writeString(junk, "definitely not audio");
        Path missing = dir.resolve("missing.wav");
        Path shared = Path.of(System.getProperty("genrekit.shared", "../shared"));
        Path real = shared.resolve("data/gtzan-mini/metal/metal.00000.wav");
        List<String> args = new ArrayList<>(List.of("classify", "--json", "--segments", junk.toString(), missing.toString()));
        boolean haveAudio = Files.isRegularFile(real);
        if (haveAudio) args.add(real.toString());
        Run r = run(args.toArray(String[]::new));
        assertEquals(Main.EXIT_PARTIAL, r.code(), r.err());
        assertTrue(r.err().contains(junk.toString()) && r.err().contains(missing.toString()), r.err());
        assertTrue(r.err().contains("2 of " + args.subList(3, args.size()).size() + " files failed"), r.err());
        if (haveAudio) {
            JsonNode j = JSON.readTree(r.out().strip());
            assertEquals(real.toString(), j.get("file").asText());
            assertEquals(10, j.get("probabilities").size());
            assertTrue(j.get("genre").asText().matches("[a-z]+"));
            assertEquals(1, j.get("windows").get("items").size(), "a 30 s clip is one window");
            assertEquals(1, j.get("windows").get("count").asInt());
            double sum = 0;
            for (JsonNode p : j.get("probabilities")) sum += p.asDouble();
            assertEquals(1, sum, 1e-6);
        }
    }
}
