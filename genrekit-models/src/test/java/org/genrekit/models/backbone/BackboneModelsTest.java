package org.genrekit.models.backbone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.genrekit.audio.AudioLoader;
import org.genrekit.audio.Signal;
import org.genrekit.backbone.audioset.GenreMapping;
import org.genrekit.backbone.mn.Mn04Backbone;
import org.genrekit.backbone.store.BackboneHome;
import org.genrekit.backbone.store.BackboneInstaller;
import org.genrekit.backbone.store.BackboneSpec;
import org.genrekit.models.GenreClassifier;
import org.genrekit.models.Prediction;
import org.genrekit.models.bundle.BundleException;
import org.genrekit.models.bundle.ModelBundles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The default model's choice, the backbone models and their bundles (weights from ../shared). */
class BackboneModelsTest {
    @TempDir
    Path home;

    @AfterEach
    void forget() {
        Mn04Backbone.reset();
    }

    static Path sharedWeights() {
        String p = System.getProperty("genrekit.shared");
        Path f = p == null ? null : Path.of(p, "pretrained/efficientat-mn04-as/mn04_as_mAP_432.pt");
        assumeTrue(f != null && Files.isRegularFile(f), "mn04 weights not in ../shared/pretrained; skipping");
        return f;
    }

    static Path clip(String genre, String id) {
        Path f = Path.of(System.getProperty("genrekit.shared"), "data/gtzan-3genres", genre, id + ".mp3");
        assumeTrue(Files.isRegularFile(f), f + " not found; skipping");
        return f;
    }

    @Test
    void withoutTheBackboneTheDefaultIsTheGtzan58ModelAndTheBackboneModelSaysHowToInstall() throws Exception {
        try (AutoCloseable h = BackboneHome.use(home)) {
            assertFalse(ModelBundles.backboneDefaultAvailable());
            try (GenreClassifier d = ModelBundles.loadDefault()) {
                assertEquals("gtzan58", d.recipe().name());
            }
            byte[] bundle;
            try (InputStream in = ModelBundles.class.getResourceAsStream(ModelBundles.BACKBONE_DEFAULT_RESOURCE)) {
                bundle = in.readAllBytes();
            }
            BundleException e = assertThrows(BundleException.class, () -> ModelBundles.load(Path.of("d.gkm"), bundle));
            assertTrue(e.getMessage().contains("genrekit backbone install mn04"), e.getMessage());
            assertEquals(1, e.getMessage().lines().count());
            // No backbone tensors in a bundle: the shipped default is a head and a mapping, tens of KB.
            assertTrue(bundle.length < 200_000, "default-mn04.gkm is " + bundle.length + " bytes");
        }
    }

    @Test
    void withTheBackboneTheDefaultIsTheBackboneModel() throws Exception {
        Path pt = sharedWeights();
        try (AutoCloseable h = BackboneHome.use(home)) {
            BackboneInstaller.install(BackboneSpec.MN04, pt, null, "test");
            assertTrue(ModelBundles.backboneDefaultAvailable());
            try (GenreClassifier d = ModelBundles.loadDefault()) {
                BackboneClassifier b = assertInstanceOf(BackboneClassifier.class, d);
                assertEquals(GenreMapping.gtzanDefault().labels(), b.labels());
                Signal s = AudioLoader.load(clip("classical", "classical.00000"), d.loadOptions());
                Prediction p = d.classify(s, true);
                double sum = 0;
                for (double v : p.probabilities()) {
                    assertTrue(Double.isFinite(v) && v >= 0, "probability " + v);
                    sum += v;
                }
                assertEquals(1.0, sum, 1e-9);
                assertEquals("classical", p.topLabel());
                assertEquals(1, p.windows().size());
                assertEquals(1, p.windowCount());
            }
        }
    }

    @Test
    void bundleRoundTripGivesTheSameAnswerAndRefusesOtherWeights() throws Exception {
        Path pt = sharedWeights();
        try (AutoCloseable h = BackboneHome.use(home)) {
            BackboneInstaller.install(BackboneSpec.MN04, pt, null, "test");
            BackboneClassifier zs = BuiltinBackboneModels.gtzanZeroShot();
            Signal s = AudioLoader.load(clip("rock", "rock.00000"), zs.loadOptions());
            double[] direct = zs.classify(s, false).probabilities();
            byte[] bytes = BackboneCodec.toBytes(zs, Map.of("name", "mn04", "sha256", BackboneSpec.MN04.sha256()), Map.of());
            try (GenreClassifier back = ModelBundles.load(Path.of("zs.gkm"), bytes)) {
                double[] again = back.classify(s, false).probabilities();
                for (int i = 0; i < direct.length; i++) assertEquals(direct[i], again[i], 1e-12);
            }
            byte[] other = BackboneCodec.toBytes(zs, Map.of("name", "mn04", "sha256", "0".repeat(64)), Map.of());
            BundleException e = assertThrows(BundleException.class, () -> ModelBundles.load(Path.of("other.gkm"), other));
            assertTrue(e.getMessage().contains("installed weights are " + BackboneSpec.MN04.sha256()), e.getMessage());
        }
    }

    @Test
    void audioSetTaxonomyAnswersInAudioSetNames() throws Exception {
        Path pt = sharedWeights();
        try (AutoCloseable h = BackboneHome.use(home)) {
            BackboneInstaller.install(BackboneSpec.MN04, pt, null, "test");
            BackboneClassifier a = BuiltinBackboneModels.audioSetGenres();
            assertEquals(50, a.labels().size());
            assertTrue(a.labels().contains("Rock music"));
            Prediction p = a.classify(AudioLoader.load(clip("classical", "classical.00000"), a.loadOptions()), false);
            assertEquals("Classical music", p.topLabel());
        }
    }

    @Test
    void mappingRejectsBadInput() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GenreMapping.of(Map.of("rock", java.util.List.of("Rock"))));
        assertTrue(e.getMessage().contains("'Rock' is not one of AudioSet's 50 music genres"), e.getMessage());
        float[] silent = new float[527];
        double[] flat = GenreMapping.gtzanDefault().apply(silent);
        for (double v : flat) assertEquals(0.1, v, 1e-12);
    }
}
