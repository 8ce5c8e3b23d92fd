package org.genrekit.features.sets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.genrekit.audio.Signal;
import org.genrekit.features.FeatureSet;
import org.genrekit.features.FeatureSets;
import org.genrekit.features.Golden;
import org.genrekit.features.spectral.MelSpectrogram;
import org.genrekit.features.spectral.PowerToDb;
import org.junit.jupiter.api.Test;

class FeatureSetsTest {
    @Test
    void createsRegisteredSets() {
        FeatureSet g = FeatureSets.create("gtzan58");
        assertEquals(58, g.columns().size());
        assertEquals("length", g.columns().get(0));
        assertEquals("mfcc20_var", g.columns().get(57));
        assertEquals(22050, g.loadOptions().targetSampleRate());
        FeatureSet f = FeatureSets.create("fma518");
        assertEquals(518, f.columns().size());
        FeatureSet l = FeatureSets.create("logmel{n_mels=64,frames=10}");
        assertEquals(640, l.columns().size());
        assertEquals("mel1_t0", l.columns().get(10));
        assertEquals(l.recipe(), FeatureSets.create(l.recipe().id()).recipe());
    }

    @Test
    void rejectsUnknownNamesAndParameters() {
        assertEquals("unknown feature set 'nope' (known: gtzan58, fma518, logmel)",
                assertThrows(IllegalArgumentException.class, () -> FeatureSets.create("nope")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> FeatureSets.create("gtzan58{sr=44100}"));
        assertThrows(IllegalArgumentException.class, () -> FeatureSets.create("logmel{colour=red}"));
        assertEquals("n_mels=0 must be a positive integer",
                assertThrows(IllegalArgumentException.class, () -> new LogMel(22050, 2048, 512, 0, 0, 11025)).getMessage());
    }

    @Test
    void logMelIsPowerToDbOfMelWithRefOne() {
        Signal s = Golden.signal("d_chord");
        float[][] ours = LogMel.defaults().compute(s);
        float[][] expected = PowerToDb.defaults().apply(MelSpectrogram.defaults(22050).compute(s));
        assertEquals(128, ours.length);
        assertEquals(0.0, Golden.relL2(ours, expected), 1e-7);
        // The golden mel_db uses ref=np.max: the two differ by a constant shift where not floored.
        float[][] refMax = Golden.npy("d_chord", "mel_db").toFloatMatrix();
        float top = Float.NEGATIVE_INFINITY;
        for (float[] r : ours) for (float v : r) top = Math.max(top, v);
        assertEquals(refMax[60][100] + top, ours[60][100], 1e-3);
    }

    @Test
    void logMelVectorIsCutOrPaddedToFixedFrames() {
        Signal s = Golden.signal("a_sine1k"); // 130 frames
        LogMel lm = new LogMel(22050, 2048, 512, 32, 0, 11025, 200);
        float[] v = lm.extract(s);
        assertEquals(32 * 200, v.length);
        float[][] m = lm.compute(s);
        assertEquals(m[5][129], v[5 * 200 + 129]);
        float min = Float.POSITIVE_INFINITY;
        for (float[] r : m) for (float x : r) min = Math.min(min, x);
        assertEquals(min, v[5 * 200 + 150], "padding is the clip's floor");
        assertTrue(new LogMel(22050, 2048, 512, 32, 0, 11025, 50).extract(s).length == 32 * 50);
    }
}
