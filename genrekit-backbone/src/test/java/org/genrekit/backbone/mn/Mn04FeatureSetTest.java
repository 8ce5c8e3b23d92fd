package org.genrekit.backbone.mn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.genrekit.audio.Signal;
import org.genrekit.backbone.SharedBackbone;
import org.genrekit.backbone.store.BackboneHome;
import org.genrekit.backbone.store.BackboneInstaller;
import org.genrekit.backbone.store.BackboneMissingException;
import org.genrekit.backbone.store.BackboneSpec;
import org.genrekit.features.FeatureSet;
import org.genrekit.features.FeatureSets;
import org.genrekit.features.io.Npy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The mn04 recipe through FeatureSets: columns, canonical ids, values, and a missing backbone. */
class Mn04FeatureSetTest {
    @TempDir
    Path home;

    @AfterEach
    void forget() {
        Mn04Backbone.reset();
    }

    @Test
    void recipeIsRegisteredWithItsColumns() {
        assertTrue(FeatureSets.names().contains("mn04"));
        FeatureSet plain = FeatureSets.create("mn04");
        assertEquals(384, plain.columns().size());
        assertEquals("emb_0", plain.columns().get(0));
        assertEquals("mn04", FeatureSets.create("mn04{probs=false}").recipe().id());
        FeatureSet withProbs = FeatureSets.create("mn04{probs=true}");
        assertEquals(384 + 527, withProbs.columns().size());
        assertEquals("as_526", withProbs.columns().get(910));
        assertEquals(32000, plain.loadOptions().targetSampleRate());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FeatureSets.create("mn04{hop=1}"));
        assertEquals("mn04 has no parameter 'hop' (known: probs)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> FeatureSets.create("mn04{probs=yes}"));
        assertEquals("mn04 parameter probs must be true or false, got 'yes'", e.getMessage());
    }

    @Test
    void missingBackboneNamesTheInstallCommand() throws Exception {
        try (AutoCloseable h = BackboneHome.use(home)) {
            Mn04Backbone.reset();
            BackboneMissingException e = assertThrows(BackboneMissingException.class,
                    () -> FeatureSets.create("mn04").extract(new Signal(new float[32000], 32000)));
            assertTrue(e.getMessage().contains("genrekit backbone install mn04"), e.getMessage());
        }
    }

    @Test
    void vectorIsTheMeanOfTheWindowOutputs() throws Exception {
        Path pt = SharedBackbone.dir().resolve("mn04_as_mAP_432.pt");
        try (AutoCloseable h = BackboneHome.use(home)) {
            BackboneInstaller.install(BackboneSpec.MN04, pt, null, "test");
            Mn04Backbone.reset();
            float[] y = Npy.read(SharedBackbone.golden("g_music").resolve("y32k.npy")).toFloatArray();
            float[][] emb = Npy.read(SharedBackbone.golden("g_music").resolve("embedding.npy")).toFloatMatrix();
            float[][] probs = Npy.read(SharedBackbone.golden("g_music").resolve("probs.npy")).toFloatMatrix();
            float[] v = FeatureSets.create("mn04{probs=true}").extract(new Signal(y, 32000));
            assertEquals(911, v.length);
            for (int j = 0; j < 384; j++) {
                double m = (emb[0][j] + emb[1][j] + emb[2][j]) / 3.0;
                assertEquals(m, v[j], 1e-4 * Math.max(1, Math.abs(m)), "emb_" + j);
            }
            for (int c = 0; c < 527; c++) {
                double m = (probs[0][c] + probs[1][c] + probs[2][c]) / 3.0;
                assertEquals(m, v[384 + c], 1e-4, "as_" + c);
            }
            float[] plain = FeatureSets.create("mn04").extract(new Signal(y, 32000));
            assertArrayEquals(java.util.Arrays.copyOf(v, 384), plain);
        }
    }

    @Test
    void windowPlanDropsAShortTailUnlessItIsTheOnlyWindow() {
        assertEquals(3, WindowPlan.windows(3 * 320000 + 319999, 320000).size());
        List<int[]> one = WindowPlan.windows(100000, 320000);
        assertEquals(1, one.size());
        assertArrayEquals(new int[] {0, 100000}, one.get(0));
        assertThrows(IllegalArgumentException.class, () -> WindowPlan.windows(0, 320000));
    }
}
