package org.genrekit.features.cqt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.genrekit.audio.AudioLoader;
import org.genrekit.audio.LoadOptions;
import org.genrekit.audio.Signal;
import org.genrekit.features.Golden;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.ValueSource;

/** librosa 0.11 parity of the CQT family on every golden input (relative L2 error at most 1e-3). */
class CqtGoldenTest {
    static final double TOL = 1e-3;
    static final java.util.List<String> INPUTS = Golden.INPUTS_22K;
    /** g_music's FMA CQT is at its native 44.1 kHz: see {@link #fmaCqtMagnitudeAt44k}. */
    static final java.util.List<String> SYNTHETIC_22K = INPUTS.stream().filter(s -> !s.equals("g_music")).toList();

    static double scalar(String input, String name) throws IOException {
        return new ObjectMapper().readTree(Golden.librosa().resolve(input).resolve("params.json").toFile())
                .path("scalars").path(name).asDouble(Double.NaN);
    }

    private static void check(String what, String input, float[][] ours, String golden) {
        float[][] g = Golden.npy(input, golden).toFloatMatrix();
        double e = Golden.relL2(ours, g);
        System.out.printf("%-12s %-12s rel L2 %.2e%n", input, what, e);
        assertTrue(e <= TOL, what + " on " + input + ": relative L2 error " + e + " > " + TOL);
    }

    @ParameterizedTest
    @FieldSource("INPUTS")
    void chromaCqtWithEstimatedTuning(String input) throws IOException {
        Signal s = Golden.signal(input);
        assertEquals(scalar(input, "tuning_cqt_bpo36"), Cqt.estimateTuning(s, 36), 1e-9, "tuning of " + input);
        check("chroma_cqt", input, new ChromaCqt().compute(s), "chroma_cqt");
    }

    @ParameterizedTest
    @FieldSource("INPUTS")
    void chromaCensAndTonnetz(String input) throws IOException {
        Signal s = Golden.signal(input);
        double tuning = scalar(input, "tuning_cqt_bpo36");
        check("chroma_cens", input, new ChromaCens(512, CqtParams.C1_HZ, 12, 7, 36, tuning, 2.0, 41).compute(s), "chroma_cens");
        ChromaCqt chroma = new ChromaCqt(512, CqtParams.C1_HZ, 12, 7, 36, Double.POSITIVE_INFINITY, 0.0, tuning);
        check("tonnetz", input, new Tonnetz(chroma).compute(s), "tonnetz");
    }

    /** FMA's CQT (12 bins per octave, 84 bins, tuning estimated); 22050 Hz inputs from y.npy. */
    @ParameterizedTest
    @FieldSource("SYNTHETIC_22K")
    void fmaCqtMagnitude(String input) throws IOException {
        Signal s = Golden.signal(input);
        check("fma_cqt_mag", input, new Cqt().compute(s), "fma_cqt_mag");
    }

    /** The FMA CQT at 44.1 kHz: early downsampling by 2, then 7 octaves (decoded WAV at its own rate). */
    @ParameterizedTest
    @ValueSource(strings = {"g_music", "f_stereo44k"})
    void fmaCqtMagnitudeAt44k(String input) throws Exception {
        Signal s = AudioLoader.load(Golden.shared().resolve("golden/audio/" + input + ".wav"), new LoadOptions(0, 0, 0, 0));
        assertEquals(44100, s.sampleRate());
        assertEquals(scalar(input, "tuning_fma_cqt_bpo12"), Cqt.estimateTuning(s, 12), 1e-9, "tuning of " + input);
        check("fma_cqt_mag", input, new Cqt().compute(s), "fma_cqt_mag");
    }
}
