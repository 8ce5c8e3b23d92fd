package org.genrekit.deep.input;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.genrekit.audio.Signal;
import org.genrekit.deep.arch.ArchSpec.InputKind;
import org.genrekit.features.FeatureRecipe;
import org.genrekit.features.sets.LogMel;
import org.junit.jupiter.api.Test;

class PlanesTest {
    /** What bundles trained before the shared front end store (deep's own recipe wrote every parameter). */
    static final String OLD_SPECTROGRAM = "logmel{fmax=11025,fmin=0,hop_length=1024,n_fft=2048,n_mels=64,sr=22050}";

    @Test
    void recipesOfEarlierBundlesKeepTheirParameters() {
        LogMel m = Planes.logMel(FeatureRecipe.parse(OLD_SPECTROGRAM));
        assertEquals(22050, m.sampleRate());
        assertEquals(1024, m.hopLength());
        assertEquals(64, m.nMels());
        LogMel picture = Planes.logMel(FeatureRecipe.parse(OLD_SPECTROGRAM.replace("}", ",image=64x96}")));
        assertEquals(1024, picture.hopLength());
        assertEquals(64, picture.nMels());
    }

    @Test
    void logmelHasOneMeaning() {
        // a bare name takes features' defaults, the same wherever it is read
        LogMel bare = Planes.logMel(FeatureRecipe.of("logmel"));
        assertEquals(LogMel.defaults().hopLength(), bare.hopLength());
        assertEquals(LogMel.defaults().nMels(), bare.nMels());
        LogMel deep = new LogMel(22050, 2048, 1024, 64, 0, 11025);
        assertEquals(deep.recipe(), Planes.logMel(deep.recipe()).recipe(), "a recipe written is read back as the same front end");
    }

    @Test
    void spectrogramInputIsFeaturesLogMel() {
        float[] y = new float[8000];
        for (int i = 0; i < y.length; i++) y[i] = (float) Math.sin(2 * Math.PI * 700 * i / 8000.0);
        LogMel m = new LogMel(8000, 256, 128, 16, 0, 4000);
        InputSpec spec = new InputSpec(InputKind.SPECTROGRAM, m.recipe(), 16, 8);
        float[][] a = Planes.of(spec, new Signal(y, 8000)), b = m.compute(new Signal(y, 8000));
        assertEquals(b.length, a.length);
        for (int r = 0; r < a.length; r++) assertArrayEquals(b[r], a[r]);
        assertEquals(8000 / 128.0, Planes.framesPerSecond(spec), 1e-12);
    }

    @Test
    void picturesFromFilesAreNotMadeFromAudio() {
        InputSpec spec = new InputSpec(InputKind.IMAGE_FILE, Planes.pictureRecipe(24, 32), 24, 32);
        var e = assertThrows(IllegalArgumentException.class, () -> Planes.of(spec, new Signal(new float[100], 8000)));
        assertTrue(e.getMessage().contains("trained on an images: dataset"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Planes.loadOptions(spec));
    }
}
