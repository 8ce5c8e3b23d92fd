package org.genrekit.apps.cli.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.genrekit.apps.cli.Main;
import org.genrekit.apps.cli.model.ModelCommandsTest.Run;
import org.genrekit.models.algo.Algorithm;
import org.genrekit.models.algo.Algorithms;
import org.genrekit.models.algo.ParamDoc;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** train's checks before any data, --search-results, the refit after the hold-out, evaluate --predictions, models list/info. */
class TrainOptionsAndModelsTest {
    @TempDir
    static Path dir;
    static Path csv;
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void table() throws Exception {
        Random r = new Random(5);
        String[] genres = {"jazz", "metal", "pop"};
        List<String> lines = new ArrayList<>();
        lines.add("filename,tempo,mfcc1_mean,noise,label");
        for (int i = 0; i < 60; i++) {
            int c = i % 3;
            lines.add(String.format(Locale.ROOT, "%s.%05d.wav,%.4f,%.4f,%.4f,%s", genres[c], i,
                    100 + 20 * c + 5 * r.nextGaussian(), -100 + 40 * c + 15 * r.nextGaussian(), r.nextGaussian(), genres[c]));
        }
        csv = dir.resolve("features.csv");
        Files.write(csv, lines);
    }

    private static Run run(String... args) {
        return ModelCommandsTest.run(args);
    }

    /** One line, exit 2, no stack trace. */
    private static void assertUsageError(Run r, String message) {
        assertEquals(Main.EXIT_USAGE, r.code(), r.err());
        assertTrue(r.err().contains(message), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
    }

    @Test
    void theAlgorithmIsCheckedBeforeAnyDataIsRead() {
        // The data folder does not exist: had train read it first, its error would win.
        String missing = dir.resolve("no-such-folder").toString();
        String out = dir.resolve("never.gkm").toString();
        assertUsageError(run("train", "--data", missing, "--algo", "logreg", "--param", "lambda=-1", "--out", out),
                "parameter 'lambda' of algorithm 'logreg' must be >= 0, got '-1'");
        assertUsageError(run("train", "--data", missing, "--algo", "logreg", "--param", "lamda=1", "--out", out),
                "unknown parameter 'lamda' for algorithm 'logreg'; did you mean 'lambda'? (valid: lambda, max_iter, form, pca, drop, log)");
        assertUsageError(run("train", "--data", missing, "--model", "logistic", "--out", out),
                "unknown algorithm 'logistic'; did you mean 'logreg'? (valid: majority, knn, logreg, lda,");
        assertUsageError(run("train", "--data", missing, "--algo", "logreg", "--param", "C=1", "--out", out),
                "unknown parameter 'C' for algorithm 'logreg'");
        assertUsageError(run("train", "--data", missing, "--algo", "ensemble", "--param", "members=knn,lda", "--search", "--out", out),
                "--search is not available for model 'ensemble'");
        assertUsageError(run("train", "--data", missing, "--algo", "knn", "--search-results", "x.csv", "--out", out),
                "--search-results needs --search");
        assertUsageError(run("train", "--data", missing, "--algo", "bundles", "--param", "members=" + dir.resolve("none.gkm"), "--out", out),
                "member bundle not found");
        assertFalse(Files.exists(Path.of(out)));
    }

    @Test
    void helpListsEveryAlgorithmWithItsParametersAndDefaults() {
        Run h = run("train", "--help");
        assertEquals(0, h.code(), h.err());
        String text = (h.out() + h.err()).replaceAll("\\s+", " "); // long lines wrap
        for (Algorithm<?> a : Algorithms.all()) {
            assertTrue(text.contains(" " + a.name() + ": " + a.description().replaceAll("\\s+", " ")), a.name() + " missing from:\n" + text);
            for (ParamDoc p : a.params()) {
                assertTrue(text.contains(" " + p.name() + " [" + p.defaultValue() + "]: " + p.description()), a.name() + "." + p.name() + " in:\n" + text);
            }
        }
        assertTrue(text.contains("--algo") && text.contains("--search-results"), text);
    }

    @Test
    void searchResultsHoldEveryGridPoint() throws Exception {
        Path results = dir.resolve("search.csv");
        Run t = run("train", "--data", csv.toString(), "--algo", "knn", "--search", "--folds", "3", "--holdout", "0",
                "--search-results", results.toString(), "--out", dir.resolve("knn.gkm").toString(), "--threads", "1");
        assertEquals(0, t.code(), t.err());
        assertTrue(t.err().contains("grid search knn (12 points x 3 folds)"), t.err());
        assertFalse(t.err().contains("INFO"), "the library logs its steps at DEBUG; the CLI prints what the user sees: " + t.err());
        List<String> lines = Files.readAllLines(results);
        assertEquals("k,weights,cv_mean,cv_se,cv_std,folds,best", lines.get(0));
        List<String> rows = lines.subList(1, lines.size());
        int points = Algorithms.get("knn").grid().values().stream().mapToInt(List::size).reduce(1, (x, y) -> x * y);
        assertEquals(points, rows.size());
        assertEquals(1, rows.stream().filter(l -> l.endsWith(",1")).count(), "one best point");
        double bestMean = rows.stream().mapToDouble(l -> Double.parseDouble(l.split(",")[2])).max().orElseThrow();
        String best = rows.stream().filter(l -> l.endsWith(",1")).findFirst().orElseThrow();
        assertEquals(bestMean, Double.parseDouble(best.split(",")[2]), "the chosen point has the best CV mean");
        JsonNode s = JSON.readTree(t.out());
        String[] b = best.split(",");
        assertTrue(s.get("spec").asText().contains("k=" + b[0]) && s.get("spec").asText().contains("weights=" + b[1]), t.out() + " vs " + best);
    }

    @Test
    void aHoldOutReportsItsFiguresThenRefitsOnAllRows() throws Exception {
        Path model = dir.resolve("lda.gkm");
        Run t = run("train", "--data", csv.toString(), "--algo", "lda", "--out", model.toString());
        assertEquals(0, t.code(), t.err());
        JsonNode s = JSON.readTree(t.out());
        assertEquals(12, s.get("valid_n").asInt(), "20% of 60 held out");
        assertEquals(60, s.get("train_rows").asInt(), "the saved model saw every row");
        assertTrue(s.get("refit_on_all_rows").asBoolean());
        assertTrue(t.err().contains("saved model: refit on all 60 rows"), t.err());

        Run info = run("models", "info", model.toString());
        assertEquals(0, info.code(), info.err());
        JsonNode i = JSON.readTree(info.out());
        assertEquals(List.of("jazz", "metal", "pop"), List.of(i.get("labels").get(0).asText(), i.get("labels").get(1).asText(), i.get("labels").get(2).asText()));
        assertEquals("classical", i.get("kind").asText());
        assertTrue(i.get("training").get("refit_on_all_rows").asBoolean(), info.out());
        assertEquals(60, i.get("training").get("train_rows").asInt());
        assertEquals(csv.toString(), i.get("provenance").get("data").asText());
        assertEquals(64, i.get("sha256").asText().length());

        Run e = run("evaluate", "--model", model.toString(), "--data", csv.toString());
        assertTrue(e.err().contains("60 of 60 evaluated tracks were in the model's training data"), "the refit model trained on every track: " + e.err());
    }

    @Test
    void evaluateWritesOnePredictionPerTrack() throws Exception {
        Path model = dir.resolve("logreg.gkm"), preds = dir.resolve("preds.csv");
        assertEquals(0, run("train", "--data", csv.toString(), "--algo", "logreg", "--holdout", "0", "--out", model.toString()).code());
        Run e = run("evaluate", "--model", model.toString(), "--data", csv.toString(), "--predictions", preds.toString());
        assertEquals(0, e.code(), e.err());
        List<String> lines = Files.readAllLines(preds);
        assertEquals("id,file,true,predicted,p_jazz,p_metal,p_pop", lines.get(0));
        assertEquals(61, lines.size());
        int right = 0;
        for (String l : lines.subList(1, lines.size())) {
            String[] f = l.split(",");
            double[] p = {Double.parseDouble(f[4]), Double.parseDouble(f[5]), Double.parseDouble(f[6])};
            assertEquals(1, p[0] + p[1] + p[2], 1e-9, l);
            int arg = p[0] >= p[1] && p[0] >= p[2] ? 0 : p[1] >= p[2] ? 1 : 2;
            assertEquals(List.of("jazz", "metal", "pop").get(arg), f[3], l);
            assertEquals(f[0].substring(0, f[0].indexOf('.')), f[2], "true label of " + f[0]);
            if (f[2].equals(f[3])) right++;
        }
        assertEquals(JSON.readTree(e.out()).get("accuracy").asDouble(), right / 60.0, 1e-12, "the CSV agrees with the reported accuracy");
    }

    @Test
    void modelsListShowsTheBuiltInBackbonesAndBundles() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("bundles"));
        assertEquals(0, run("train", "--data", csv.toString(), "--algo", "knn", "--holdout", "0", "--out", folder.resolve("knn.gkm").toString()).code());
        Files.writeString(folder.resolve("broken.gkm"), "not a bundle");
        Run l = run("models", "list", "--dir", folder.toString());
        assertEquals(Main.EXIT_FAILURE, l.code(), "a damaged bundle is reported: " + l.out());
        assertTrue(l.out().contains("built-in models:\n  default  "), l.out());
        assertTrue(l.out().contains("backbones:\n  mn04  "), l.out());
        assertTrue(l.out().contains("  knn.gkm  knn, classical, 3 genres, recipe gtzan58"), l.out());
        assertTrue(l.out().contains("  broken.gkm  cannot be read: "), l.out());
        Files.delete(folder.resolve("broken.gkm"));
        assertEquals(0, run("models", "list", "--dir", folder.toString()).code());
        assertUsageError(run("models", "list", "--dir", folder.resolve("nope").toString()), "is not a folder");
        Run d = run("models", "info", "default");
        assertEquals(0, d.code(), d.err());
        assertEquals(10, JSON.readTree(d.out()).get("labels").size());
    }
}
