package org.genrekit.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Random;
import org.genrekit.audio.resample.SincResampler;
import org.genrekit.audio.resample.SoxrLibrary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResamplerTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({"f_stereo44k", "g_music_mp3"})
    void libsoxrIsBitExactWithLibrosa(String input) throws Exception {
        assumeTrue(SoxrLibrary.isAvailable(), "skipped: libsoxr0 not installed (" + SoxrLibrary.unavailableReason() + ")");
        float[] x = TestNpy.readFloats(Golden.librosa(input, "y_native_mono.npy"));
        float[] golden = TestNpy.readFloats(Golden.librosa(input, "y.npy"));
        assertArrayEquals(golden, Resampler.resample(x, 44100, 22050));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"f_stereo44k", "g_music_mp3"})
    void javaSincIsCloseToSoxrHq(String input) throws Exception {
        float[] x = TestNpy.readFloats(Golden.librosa(input, "y_native_mono.npy"));
        float[] golden = TestNpy.readFloats(Golden.librosa(input, "y.npy"));
        float[] y = SincResampler.resample(x, 44100, 22050, Resampler.outputLength(x.length, 44100, 22050));
        double snr = Golden.snrDb(y, golden);
        System.out.printf("java sinc %s: SNR %.1f dB vs librosa soxr_hq%n", input, snr);
        assertTrue(snr >= 60, "SNR " + snr);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"22050, 11025", "44100, 22050", "48000, 22050", "22050, 44100", "44100, 16000", "11025, 22050", "8000, 22050"})
    void backendsAgreeOnArbitraryRatios(int from, int to) {
        assumeTrue(SoxrLibrary.isAvailable(), "skipped: libsoxr0 not installed");
        float[] x = music(from, 3.0);
        int n = Resampler.outputLength(x.length, from, to);
        float[] soxr = SoxrLibrary.resample(x, from, to, n);
        float[] sinc = SincResampler.resample(x, from, to, n);
        double snr = Golden.snrDb(sinc, soxr);
        System.out.printf("java sinc vs libsoxr %d -> %d: SNR %.1f dB%n", from, to, snr);
        assertTrue(snr >= 60, "SNR " + snr);
    }

    @Test
    void lengthIsLibrosasCeil() {
        assertEquals(66150, Resampler.outputLength(132300, 44100, 22050));
        assertEquals(5, Resampler.outputLength(9, 44100, 22050));
        assertEquals(11026, Resampler.outputLength(22051, 22050, 11025));
        assertEquals(7, Resampler.resample(new float[13], 2, 1).length);
        assertEquals(0, Resampler.resample(new float[0], 44100, 22050).length);
    }

    @Test
    void removesContentAboveTheNewNyquist() {
        // 15 kHz must vanish going to 22050 Hz (its Nyquist is 11025 Hz); 440 Hz must survive.
        int sr = 44100;
        float[] x = new float[sr];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (0.5 * Math.sin(2 * Math.PI * 15000 * i / sr));
        }
        for (float[] y : new float[][] {Resampler.resample(x, sr, 22050), SincResampler.resample(x, sr, 22050, 22050)}) {
            assertTrue(rms(y, 2000, 20000) < 1e-5, "15 kHz leaked: rms " + rms(y, 2000, 20000));
        }
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (0.5 * Math.sin(2 * Math.PI * 440 * i / sr));
        }
        float[] y = Resampler.resample(x, sr, 22050);
        assertEquals(0.5 / Math.sqrt(2), rms(y, 2000, 20000), 1e-3);
    }

    @Test
    void rejectsBadRates() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Resampler.resample(new float[4], 0, 22050));
        assertEquals("fromRate must be > 0, got 0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Resampler.resample(new float[4], 22050, -1));
        assertEquals("toRate must be > 0, got -1", e.getMessage());
    }

    @Test
    void sameRateReturnsACopy() {
        float[] x = {1, 2, 3};
        float[] y = Resampler.resample(x, 22050, 22050);
        assertArrayEquals(x, y);
        assertTrue(x != y);
    }

    private static double rms(float[] y, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) {
            s += y[i] * y[i];
        }
        return Math.sqrt(s / (to - from));
    }

    /** A music-like test signal: decaying harmonics over the whole band plus a little noise. */
    private static float[] music(int sr, double seconds) {
        Random r = new Random(7);
        float[] x = new float[(int) (sr * seconds)];
        for (int h = 1; h <= 40; h++) {
            double f = 110 * h * 1.01;
            if (f >= sr / 2.0) {
                break;
            }
            double a = 0.3 / h;
            for (int i = 0; i < x.length; i++) {
                x[i] += (float) (a * Math.sin(2 * Math.PI * f * i / sr + h));
            }
        }
        for (int i = 0; i < x.length; i++) {
            x[i] += (float) (0.01 * r.nextGaussian());
        }
        return x;
    }
}
