package org.genrekit.apps.cli.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.genrekit.apps.cli.Main;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipFile;
import org.genrekit.backbone.mn.Mn04Backbone;
import org.genrekit.backbone.store.BackboneHome;
import org.genrekit.backbone.store.BackboneInstaller;
import org.genrekit.backbone.store.BackboneSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** classify / features extract / train with the mn04 backbone, through {@link org.genrekit.apps.cli.Main}. */
class BackboneModelCommandsTest {
    @TempDir
    Path dir;
    static final ObjectMapper JSON = new ObjectMapper();

    @AfterEach
    void forget() {
        Mn04Backbone.reset();
    }

    static Path shared() {
        String p = System.getProperty("genrekit.shared");
        Path s = p == null ? null : Path.of(p);
        assumeTrue(s != null && Files.isRegularFile(s.resolve("pretrained/efficientat-mn04-as/mn04_as_mAP_432.pt")),
                "mn04 weights not in ../shared/pretrained; skipping");
        return s;
    }

    static String clip(String genre, int n) {
        return shared().resolve(String.format("data/gtzan-3genres/%s/%s.%05d.mp3", genre, genre, n)).toString();
    }

    /** The n-th existing clips of a genre folder (numbering has gaps). */
    static List<Path> clips(String genre, int n) throws Exception {
        try (var s = Files.list(shared().resolve("data/gtzan-3genres/" + genre))) {
            return s.filter(p -> p.toString().endsWith(".mp3")).sorted().limit(n).toList();
        }
    }

    @Test
    void withoutTheBackboneClassifySaysOnceHowToInstallIt() throws Exception {
        Path c = clips("rock", 1).get(0);
        try (AutoCloseable h = BackboneHome.use(dir.resolve("empty-home"))) {
            ModelCommandsTest.Run r = ModelCommandsTest.run("classify", c.toString(), c.toString());
            assertEquals(0, r.code(), r.err());
            assertTrue(r.err().contains("genrekit backbone install mn04"), r.err());
            assertEquals(1, r.err().lines().filter(l -> l.contains("backbone install")).count(), r.err());
            ModelCommandsTest.Run a = ModelCommandsTest.run("classify", "--taxonomy", "audioset", c.toString());
            assertEquals(Main.EXIT_USAGE, a.code(), a.err());
            assertTrue(a.err().contains("genrekit backbone install mn04"), a.err());
        }
    }

    @Test
    void backboneDefaultTaxonomiesExtractionAndTraining() throws Exception {
        Path pt = shared().resolve("pretrained/efficientat-mn04-as/mn04_as_mAP_432.pt");
        try (AutoCloseable h = BackboneHome.use(dir.resolve("home"))) {
            BackboneInstaller.install(BackboneSpec.MN04, pt, null, "test");
            Path classical = clips("classical", 1).get(0);

            ModelCommandsTest.Run d = ModelCommandsTest.run("classify", "--json", classical.toString());
            assertEquals(0, d.code(), d.err());
            assertFalse(d.err().contains("backbone install"), d.err());
            JsonNode j = JSON.readTree(d.out());
            assertEquals("classical", j.get("genre").asText());
            assertEquals(10, j.get("probabilities").size());

            ModelCommandsTest.Run a = ModelCommandsTest.run("classify", "--taxonomy", "audioset", classical.toString());
            assertEquals(0, a.code(), a.err());
            assertTrue(a.out().contains("Classical music"), a.out());
            assertEquals(2, ModelCommandsTest.run("classify", "--taxonomy", "spotify", classical.toString()).code());

            // A small 3-genre manifest: extract, then train a head on the embeddings.
            List<String> lines = new ArrayList<>(List.of("path,genre"));
            for (String g : List.of("classical", "jazz", "rock")) for (Path p : clips(g, 4)) lines.add(p + "," + g);
            Path manifest = dir.resolve("m.csv");
            Files.write(manifest, lines);
            Path table = dir.resolve("emb.csv");
            ModelCommandsTest.Run x = ModelCommandsTest.run("features", "extract", "--recipe", "mn04", "--out", table.toString(), manifest.toString());
            assertEquals(0, x.code(), x.err());
            List<String> rows = Files.readAllLines(table);
            assertEquals(13, rows.size());
            assertTrue(rows.get(0).contains("emb_0") && rows.get(0).contains("emb_383"), rows.get(0));

            Path jsonl = dir.resolve("batch.jsonl");
            ModelCommandsTest.Run b = ModelCommandsTest.run("batch", "--recipe", "mn04", "--out", jsonl.toString(), classical.toString());
            assertEquals(0, b.code(), b.err());
            JsonNode row = JSON.readTree(Files.readAllLines(jsonl).get(0));
            assertEquals(384, row.get("features").size(), "one value per mn04 embedding column");

            Path model = dir.resolve("head.gkm");
            ModelCommandsTest.Run t = ModelCommandsTest.run("train", "--data", manifest.toString(), "--recipe", "mn04", "--model", "logreg",
                    "--holdout", "0", "--store", dir.resolve("store").toString(), "--out", model.toString());
            assertEquals(0, t.code(), t.err());
            try (ZipFile z = new ZipFile(model.toFile())) {
                @SuppressWarnings("unchecked")
                Map<String, Object> m = JSON.readValue(z.getInputStream(z.getEntry("manifest.json")), Map.class);
                assertEquals(Map.of("name", "mn04", "sha256", BackboneSpec.MN04.sha256()), m.get("backbone"));
            }
            assertTrue(Files.size(model) < 200_000, "a head bundle holds no backbone tensors: " + Files.size(model) + " bytes");
            ModelCommandsTest.Run c = ModelCommandsTest.run("classify", "--model", model.toString(), clips("jazz", 6).get(5).toString());
            assertEquals(0, c.code(), c.err());

            try (AutoCloseable none = BackboneHome.use(dir.resolve("no-backbone"))) {
                Mn04Backbone.reset();
                ModelCommandsTest.Run missing = ModelCommandsTest.run("classify", "--model", model.toString(), classical.toString());
                assertTrue(missing.code() != 0);
                assertTrue(missing.err().contains("genrekit backbone install mn04"), missing.err());
            }
        }
    }
}
