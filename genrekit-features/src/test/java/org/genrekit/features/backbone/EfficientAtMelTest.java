package org.genrekit.features.backbone;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.genrekit.audio.AudioLoader;
import org.genrekit.audio.LoadOptions;
import org.genrekit.audio.Signal;
import org.genrekit.features.Golden;
import org.genrekit.features.io.Npy;
import org.junit.jupiter.api.Test;

/** EfficientAT's front end against the upstream implementation's outputs in ../shared/pretrained. */
class EfficientAtMelTest {
    static final List<String> INPUTS = List.of("b_chirp", "c_noise", "f_stereo44k", "g_music");

    static Path golden() {
        Path dir = Golden.shared().resolve("pretrained/efficientat-mn04-as/golden");
        assumeTrue(Files.isDirectory(dir), "EfficientAT reference outputs not found at " + dir + "; skipping");
        return dir;
    }

    @Test
    void logMelMatchesUpstreamWithin1e5() throws IOException {
        EfficientAtMel fe = EfficientAtMel.audioSet();
        for (String input : INPUTS) {
            Path d = golden().resolve(input);
            float[] y = Npy.read(d.resolve("y32k.npy")).toFloatArray();
            float[][] expected = Npy.read(d.resolve("mel.npy")).toFloatMatrix();
            float[][] got = fe.compute(y);
            double err = Golden.relL2(got, expected);
            assertTrue(err <= 1e-5, input + ": relative L2 error " + err + " > 1e-5");
        }
    }

    @Test
    void decoderGivesTheReference32kSignal() throws Exception {
        // g_music's reference comes from the MP3 (index.json lists both; the folder holds the last one written).
        for (String file : List.of("g_music.mp3", "f_stereo44k.wav", "b_chirp.wav")) {
            String input = file.substring(0, file.indexOf('.'));
            float[] expected = Npy.read(golden().resolve(input).resolve("y32k.npy")).toFloatArray();
            Signal s = AudioLoader.load(Golden.shared().resolve("golden/audio/" + file), LoadOptions.atRate(32000));
            assertEquals(expected.length, s.length(), input);
            double num = 0, den = 0;
            for (int i = 0; i < expected.length; i++) {
                double e = s.samples()[i] - expected[i];
                num += e * e;
                den += (double) expected[i] * expected[i];
            }
            assertTrue(Math.sqrt(num / den) < 1e-6, input + ": relative error " + Math.sqrt(num / den));
        }
    }

    @Test
    void kaldiBankShapeAndZeroNyquistColumn() {
        KaldiMelBank bank = EfficientAtMel.audioSet().bank();
        float[][] d = bank.dense();
        assertEquals(128, d.length);
        assertEquals(513, d[0].length);
        for (float[] row : d) {
            assertEquals(0f, row[512]);
            float max = 0;
            for (float v : row) max = Math.max(max, v);
            // Low bands are narrower than one FFT bin, so their sampled peak can be small, never zero.
            assertTrue(max > 0f && max <= 1f, "each triangle peaks in (0, 1]: " + max);
        }
        float top = 0;
        for (float v : d[127]) top = Math.max(top, v);
        assertTrue(top > 0.9f, "wide high bands nearly reach 1: " + top);
    }

    @Test
    void framesFollowTheUpstreamFormula() {
        EfficientAtMel fe = EfficientAtMel.audioSet();
        assertEquals(1000, fe.frameCount(320000));
        assertEquals(3000, fe.frameCount(960000));
        assertArrayEquals(new int[] {128, 1000}, new int[] {fe.compute(new float[320000]).length, fe.compute(new float[320000])[0].length});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> fe.compute(new float[300]));
        assertTrue(e.getMessage().contains("too short"), e.getMessage());
    }
}
