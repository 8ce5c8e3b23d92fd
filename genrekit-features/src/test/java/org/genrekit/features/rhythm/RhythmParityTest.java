package org.genrekit.features.rhythm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.genrekit.audio.Signal;
import org.genrekit.features.Golden;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

class RhythmParityTest {
    static final List<String> INPUTS = Golden.INPUTS_22K;

    @ParameterizedTest
    @FieldSource("INPUTS")
    void onsetEnvelopeAndTempoMatch(String input) {
        Signal s = Golden.signal(input);
        float[] env = OnsetStrength.defaults(22050).compute(s);
        double err = Golden.relL2(env, Golden.npy(input, "onset_env").toFloatArray());
        double golden = Golden.npy(input, "tempo").data()[0];
        double tempo = Tempo.defaults(22050).compute(s);
        System.out.printf("parity onset_env %-9s rel L2 %.2e; tempo %.4f vs librosa %.4f%n", input, err, tempo, golden);
        assertTrue(err <= 1e-4, input + " onset_env rel L2 " + err);
        if (golden == 0) assertEquals(0.0, tempo, input + " tempo");
        else assertTrue(Math.abs(tempo - golden) <= 0.02 * golden, input + " tempo " + tempo + " vs " + golden);
    }

    @ParameterizedTest
    @FieldSource("INPUTS")
    void beatsMatch(String input) {
        double[] golden = Golden.npy(input, "beats").data();
        BeatTracker.Beats beats = BeatTracker.defaults(22050).track(Golden.signal(input));
        int[] expected = java.util.Arrays.stream(golden).mapToInt(d -> (int) d).toArray();
        System.out.printf("beats %-9s ours %d librosa %d%n", input, beats.frames().length, expected.length);
        org.junit.jupiter.api.Assertions.assertArrayEquals(expected, beats.frames(), input + " beats");
    }

    @Test
    void validatesParameters() {
        assertEquals("start_bpm must be strictly positive",
                assertThrows(IllegalArgumentException.class, () -> new Tempo(22050, 512, 0, 1, 8, 320)).getMessage());
        assertEquals("lag=0 must be a positive integer",
                assertThrows(IllegalArgumentException.class,
                        () -> new OnsetStrength(org.genrekit.features.spectral.MelSpectrogram.defaults(22050), 0, OnsetStrength.Aggregate.MEAN)).getMessage());
    }
}
