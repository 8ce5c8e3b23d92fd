package org.genrekit.features.spectral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.genrekit.audio.Signal;
import org.genrekit.features.Golden;
import org.genrekit.features.dsp.FrameMatrix;
import org.genrekit.features.dsp.Stft;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Every STFT-derived feature against librosa 0.11's golden output, relative L2 error <= 1e-6
 * (measured at most 2.3e-7, chroma_stft of g_music: float32 sums in another order).
 */
class SpectralParityTest {
    static final List<String> INPUTS = Golden.INPUTS_22K;

    private static void check(String feature, String input, float[][] ours) {
        double err = Golden.relL2(ours, Golden.npy(input, feature).toFloatMatrix());
        System.out.printf("parity %-18s %-9s rel L2 %.2e%n", feature, input, err);
        assertTrue(err <= 1e-6, input + " " + feature + " rel L2 " + err);
    }

    @Test
    void dctMatrixMatchesScipy() {
        double[][] golden = Golden.npy("_common", "dct2_ortho_20x128").toDoubleMatrix();
        double[][] ours = Mfcc.dctMatrix(20, 128);
        for (int k = 0; k < 20; k++) {
            for (int i = 0; i < 128; i++) assertEquals(golden[k][i], ours[k][i], 1e-12);
        }
    }

    @Test
    void chromaFilterBankMatchesLibrosa() {
        float[][] golden = Golden.npy("_common", "chroma_filterbank_sr22050_nfft2048_tuning0").toFloatMatrix();
        double err = Golden.relL2(ChromaFilterBank.of(22050, 2048, 12, 0.0).toArray(), golden);
        assertTrue(err < 1e-6, "chroma filter bank rel L2 " + err);
    }

    @ParameterizedTest
    @FieldSource("INPUTS")
    void tuningMatchesLibrosa(String input) throws Exception {
        Signal s = Golden.signal(input);
        var scalars = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(Golden.librosa().resolve(input).resolve("params.json").toFile()).get("scalars");
        double ours = TuningEstimator.of(22050, 2048, 12).estimate(Stft.defaults().power(s.samples()));
        assertEquals(scalars.get("tuning_chroma_stft").asDouble(), ours, 1e-9, input + " chroma_stft tuning");
        double ours36 = TuningEstimator.of(22050, 2048, 36).estimate(s.samples());
        assertEquals(scalars.get("tuning_cqt_bpo36").asDouble(), ours36, 1e-9, input + " bpo36 tuning");
    }

    @ParameterizedTest
    @FieldSource("INPUTS")
    void stftFeaturesMatch(String input) {
        Signal s = Golden.signal(input);
        FrameMatrix mag = Stft.defaults().magnitude(s.samples());
        check("mfcc", input, Mfcc.defaults(22050).compute(s));
        check("chroma_stft", input, ChromaStft.defaults(22050).compute(s));
        double[] centroid = SpectralCentroid.defaults(22050).fromMagnitude(mag);
        check("spectral_centroid", input, Stats.row(centroid));
        check("spectral_bandwidth", input, Stats.row(SpectralBandwidth.defaults(22050).fromMagnitude(mag, centroid)));
        check("spectral_rolloff", input, Stats.row(SpectralRolloff.defaults(22050).fromMagnitude(mag)));
        check("spectral_contrast", input, SpectralContrast.defaults(22050).fromMagnitude(mag).toArray());
        check("zcr", input, ZeroCrossingRate.defaults().compute(s));
        check("rms", input, Rms.defaults().compute(s));
    }

    @Test
    void validatesParameters() {
        assertEquals("roll_percent must lie in the range (0, 1)",
                assertThrows(IllegalArgumentException.class, () -> new SpectralRolloff(22050, Stft.defaults(), 1.0)).getMessage());
        assertEquals("n_mfcc=0 must be a positive integer",
                assertThrows(IllegalArgumentException.class, () -> new Mfcc(MelSpectrogram.defaults(22050), 0)).getMessage());
        assertEquals("quantile must lie in the range (0, 1)",
                assertThrows(IllegalArgumentException.class, () -> new SpectralContrast(22050, Stft.defaults(), 200, 6, 0, false)).getMessage());
        assertEquals("frame_length=-1 must be a positive integer",
                assertThrows(IllegalArgumentException.class, () -> new Rms(-1, 512, true)).getMessage());
    }
}
