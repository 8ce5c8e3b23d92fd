package org.genrekit.features.spectral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.genrekit.audio.Signal;
import org.genrekit.features.Golden;
import org.genrekit.features.dsp.Stft;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.api.Test;

class MelParityTest {
    static final java.util.List<String> INPUTS = Golden.INPUTS_22K;

    @Test
    void filterBankMatchesLibrosa() {
        float[][] golden = Golden.npy("_common", "mel_filterbank_sr22050_nfft2048_nmels128").toFloatMatrix();
        float[][] ours = MelFilterBank.of(22050, 2048, 128).toArray();
        double err = Golden.relL2(ours, golden);
        assertTrue(err < 1e-6, "mel filter bank rel L2 " + err);
    }

    @Test
    void hannWindowMatchesLibrosa() {
        double[] golden = Golden.npy("_common", "hann_2048").data();
        double[] ours = Stft.defaults().window();
        for (int i = 0; i < golden.length; i++) assertEquals(golden[i], ours[i], 1e-15);
    }

    @ParameterizedTest
    @FieldSource("INPUTS")
    void stftMagnitudeMatches(String input) {
        Signal s = Golden.signal(input);
        float[][] ours = Stft.defaults().magnitude(s.samples()).toArray();
        double err = Golden.relL2(ours, Golden.npy(input, "stft_mag").toFloatMatrix());
        System.out.printf("stft_mag %s rel L2 %.2e%n", input, err);
        // Bit for bit but in the few bins whose complex64 rounding differs between FFT
        // libraries (measured 0 to 2.2e-14): the magnitude rounds as numpy's does (ComplexAbs).
        assertTrue(err <= 1e-13, input + " stft_mag rel L2 " + err);
    }

    @ParameterizedTest
    @FieldSource("INPUTS")
    void melAndMelDbMatch(String input) {
        Signal s = Golden.signal(input);
        MelSpectrogram mel = MelSpectrogram.defaults(22050);
        float[][] m = mel.compute(s);
        double err = Golden.relL2(m, Golden.npy(input, "mel").toFloatMatrix());
        float[][] db = PowerToDb.refMaxDefaults().apply(m);
        double errDb = Golden.relL2(db, Golden.npy(input, "mel_db").toFloatMatrix());
        System.out.printf("mel %s rel L2 %.2e, mel_db %.2e%n", input, err, errDb);
        // The mel projection sums in another order than numpy's float32 matmul: measured 4e-8 to
        // 7.3e-8 (mel) and 1e-8 to 6.3e-8 (mel_db).
        assertTrue(err <= 5e-7, input + " mel rel L2 " + err);
        assertTrue(errDb <= 5e-7, input + " mel_db rel L2 " + errDb);
    }

    @Test
    void validatesParameters() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Stft(0, 512));
        assertEquals("n_fft=0 must be a positive integer", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> MelFilterBank.of(22050, 2048, -1));
        assertEquals("n_mels=-1 must be a positive integer", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new PowerToDb(1, false, 0, 80));
        assertEquals("amin must be strictly positive", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> MelSpectrogram.defaults(22050).compute(new Signal(new float[4096], 44100)));
        assertEquals("signal is at 44100 Hz, this feature is configured for sr=22050", e.getMessage());
    }
}
