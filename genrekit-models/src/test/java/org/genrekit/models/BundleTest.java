package org.genrekit.models;

import org.genrekit.core.provenance.Provenance;
import org.genrekit.core.provenance.Versions;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.genrekit.features.FeatureRecipe;
import org.genrekit.models.bundle.BundleException;
import org.genrekit.models.bundle.BundleWriter;
import org.genrekit.models.bundle.ModelBundles;
import org.genrekit.models.classical.ClassicalClassifier;
import org.genrekit.models.classical.ClassicalCodec;
import org.genrekit.models.pipeline.TabularModel;
import org.genrekit.models.train.PipelineSpec;
import org.genrekit.models.train.PipelineTrainer;
import org.genrekit.models.train.TrainingData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleTest {
    @TempDir
    static Path dir;
    static Path good;
    static TrainingData data;
    static TabularModel model;

    @BeforeAll
    static void write() throws Exception {
        data = Synthetic.data(10, 1);
        model = PipelineTrainer.fit(PipelineSpec.of("xgboost", Map.of("rounds", "5")), data, 1, 1);
        good = dir.resolve("m.gkm");
        ClassicalCodec.write(good, "m", data.labels(), FeatureRecipe.parse("gtzan58"), 30, model,
                // the keys classical bundles had before the shared provenance record: still read
                Map.of("provenance", Map.of("genrekit_version", "0.1.0", "date", "2026-01-01T00:00:00Z")));
    }

    private static Map<String, byte[]> entries(byte[] zip) throws Exception {
        Map<String, byte[]> m = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) m.put(e.getName(), in.readAllBytes());
        }
        return m;
    }

    /** Rewrites the zip with the given entries as they are (manifest included, nothing recomputed). */
    private static Path rezip(String name, Map<String, byte[]> entries) throws Exception {
        Path p = dir.resolve(name);
        try (var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(p))) {
            for (var e : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(e.getKey()));
                out.write(e.getValue());
                out.closeEntry();
            }
        }
        return p;
    }

    @Test
    void newBundlesRecordTheSharedProvenance() throws Exception {
        Provenance p = Provenance.now(Map.of("data", "synthetic", "seed", 1));
        Path f = dir.resolve("provenance.gkm");
        ClassicalCodec.write(f, "p", data.labels(), FeatureRecipe.parse("gtzan58"), 30, model, Map.of("provenance", p.toMap()));
        try (var clf = ModelBundles.load(f)) {
            assertEquals(Versions.built().genrekit() + "+" + p.created(), clf.version());
            Provenance back = Provenance.fromMap((Map<?, ?>) clf.metadata().get("provenance"));
            assertEquals(p, back);
            assertEquals(Versions.built().libraries().get("xgboost"), back.libraries().get("xgboost"));
        }
    }

    @Test
    void roundTripGivesTheSameProbabilities() throws Exception {
        var clf = (ClassicalClassifier) ModelBundles.load(good);
        assertEquals(data.labels(), clf.labels());
        assertEquals("gtzan58", clf.recipe().id());
        assertEquals("0.1.0+2026-01-01T00:00:00Z", clf.version());
        Map<?, ?> prov = (Map<?, ?>) clf.metadata().get("provenance");
        assertEquals("2026-01-01T00:00:00Z", prov.get("created"), "read under the one key set: " + prov);
        assertTrue(!prov.containsKey("date"), prov::toString);
        float[] row = new float[clf.model().columns().size()];
        for (int j = 0; j < row.length; j++) row[j] = data.x()[3][data.columns().indexOf(clf.model().columns().get(j))];
        assertArrayEquals(model.proba(row), clf.proba(row), 1e-9);
        String manifest = new String(entries(Files.readAllBytes(good)).get("manifest.json"), StandardCharsets.UTF_8);
        assertTrue(manifest.contains("\"format_version\" : 1") && manifest.contains("\"pipeline.ser\" : \""), manifest);
    }

    @Test
    void truncatedFile() throws Exception {
        byte[] b = Files.readAllBytes(good);
        Path p = dir.resolve("trunc.gkm");
        Files.write(p, Arrays.copyOf(b, b.length / 2));
        BundleException e = assertThrows(BundleException.class, () -> ModelBundles.load(p));
        assertTrue(e.getMessage().startsWith(p + ": damaged model bundle: the zip file is truncated"), e.getMessage());
        assertEquals(p, e.file());
    }

    @Test
    void notAZip() throws Exception {
        Path p = dir.resolve("text.gkm");
        Files.writeString(p, "hello, I am not a model at all, just some text in a file");
        BundleException e = assertThrows(BundleException.class, () -> ModelBundles.load(p));
        assertEquals(p + ": not a Genrekit model bundle (not a zip file)", e.getMessage());
        assertEquals(dir.resolve("none.gkm") + ": no such model file",
                assertThrows(BundleException.class, () -> ModelBundles.load(dir.resolve("none.gkm"))).getMessage());
    }

    @Test
    void tamperedEntryFailsChecksum() throws Exception {
        Map<String, byte[]> e = entries(Files.readAllBytes(good));
        byte[] ser = e.get("pipeline.ser");
        ser[ser.length - 5] ^= 0x40;
        Path p = rezip("tampered.gkm", e);
        BundleException ex = assertThrows(BundleException.class, () -> ModelBundles.load(p));
        assertTrue(ex.getMessage().contains("damaged model bundle: entry 'pipeline.ser' fails its SHA-256 check (expected "), ex.getMessage());
    }

    @Test
    void newerFormatVersion() throws Exception {
        Map<String, byte[]> e = entries(Files.readAllBytes(good));
        String m = new String(e.get("manifest.json"), StandardCharsets.UTF_8).replace("\"format_version\" : 1", "\"format_version\" : 7");
        e.put("manifest.json", m.getBytes(StandardCharsets.UTF_8));
        Path p = rezip("newer.gkm", e);
        BundleException ex = assertThrows(BundleException.class, () -> ModelBundles.load(p));
        assertEquals(p + ": model bundle format version 7 is newer than this Genrekit " + Versions.built().genrekit() + " reads (up to 1); upgrade Genrekit or re-train the model with this version", ex.getMessage());
    }

    @Test
    void unknownKindAndMissingManifest() throws Exception {
        Path p = dir.resolve("alien.gkm");
        BundleWriter.write(p, "quantum", Map.of("name", "x", "labels", List.of("a")), Map.of("w.bin", new byte[]{1, 2}));
        BundleException ex = assertThrows(BundleException.class, () -> ModelBundles.load(p));
        assertEquals(p + ": unknown model kind 'quantum' (this Genrekit reads: backbone, classical, ensemble)", ex.getMessage().replace(", deep", ""));
        Map<String, byte[]> e = entries(Files.readAllBytes(good));
        e.remove("manifest.json");
        Path q = rezip("nomanifest.gkm", e);
        assertEquals(q + ": not a Genrekit model bundle: no manifest.json (entries: [pipeline.ser])",
                assertThrows(BundleException.class, () -> ModelBundles.load(q)).getMessage());
    }

    @Test
    void writeIsAtomicAndLeavesNoTemporaryFiles() throws Exception {
        Path p = dir.resolve("sub/atomic.gkm");
        BundleWriter.write(p, "classical", Map.of("name", "x"), Map.of("a", new byte[]{1}));
        BundleWriter.write(p, "classical", Map.of("name", "y"), Map.of("a", new byte[]{2}));
        try (var s = Files.list(p.getParent())) {
            assertEquals(List.of("atomic.gkm"), s.map(f -> f.getFileName().toString()).toList());
        }
    }
}
