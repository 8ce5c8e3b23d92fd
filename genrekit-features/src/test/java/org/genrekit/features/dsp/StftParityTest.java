package org.genrekit.features.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.genrekit.features.Golden;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link Stft} against librosa's definition of the STFT beyond the defaults the golden files
 * cover (they hold {@code n_fft=2048, hop 512, center=True} only): odd {@code n_fft},
 * {@code center=False}, {@code win_length < n_fft}. The reference is {@link DirectStft}, itself
 * checked against librosa's golden {@code stft_mag} at the defaults.
 */
class StftParityTest {
    /**
     * Ours is the double FFT rounded to complex64, as librosa's: each part within half a float
     * ulp (2^-24 relative), about 3e-8 in relative L2; measured 2.6e-8 to 2.8e-8.
     */
    static final double TOLERANCE = 1e-7;

    /** A second of a chirp over noise: energy in every bin, reproducible. */
    static float[] signal(int n) {
        Random r = new Random(13);
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            double t = i / 22050.0;
            y[i] = (float) (0.5 * Math.sin(2 * Math.PI * (200 * t + 2000 * t * t)) + 0.05 * r.nextGaussian());
        }
        return y;
    }

    /** ‖ours − reference‖ / ‖reference‖ over all complex values. */
    static double relError(ComplexSpectrogram ours, DirectStft ref) {
        double num = 0;
        double den = 0;
        for (int t = 0; t < ref.frames(); t++) {
            for (int k = 0; k < ref.bins(); k++) {
                int i = t * ours.bins() + k;
                double dr = ours.re()[i] - ref.re()[t][k];
                double di = ours.im()[i] - ref.im()[t][k];
                num += dr * dr + di * di;
                den += ref.power(t, k);
            }
        }
        return Math.sqrt(num / den);
    }

    @ParameterizedTest(name = "n_fft={0} hop={1} win_length={2} center={3}")
    @CsvSource({
        "2048, 512, 2048, true",   // the defaults (also in the golden files)
        "1023, 256, 1023, true",   // odd n_fft: n_fft // 2 + 1 = 512 bins, padding 511
        "2048, 512, 2048, false",  // frames start at t * hop, no padding
        "2048, 512, 1500, true",   // window of 1500 centred in 2048 with 274 zeros on the left
        "1025, 300, 778, false",   // all three at once: odd n_fft, odd padding of the window (123 | 124)
        "2047, 512, 1024, true",   // odd n_fft with an even window: 511 zeros left, 512 right
    })
    void matchesTheDefinition(int nFft, int hop, int winLength, boolean center) {
        float[] y = signal(22050);
        Stft stft = new Stft(nFft, hop, winLength, center);
        ComplexSpectrogram ours = stft.complex(y);
        DirectStft ref = DirectStft.of(y, nFft, hop, winLength, center);
        assertEquals(nFft / 2 + 1, ours.bins());
        assertEquals(ref.frames(), ours.frames(), "frame count");
        assertEquals(ref.frames(), stft.frameCount(y.length));
        double err = relError(ours, ref);
        System.out.printf("stft n_fft=%d hop=%d win=%d center=%s: rel L2 %.2e%n", nFft, hop, winLength, center, err);
        assertTrue(err <= TOLERANCE, "rel L2 " + err);
        // The magnitude and power paths round the same complex64 values.
        FrameMatrix mag = stft.magnitude(y);
        FrameMatrix pow = stft.power(y);
        double magErr = 0;
        double magNorm = 0;
        double powErr = 0;
        double powNorm = 0;
        for (int t = 0; t < ref.frames(); t++) {
            for (int k = 0; k < ref.bins(); k++) {
                double p = ref.power(t, k);
                magErr += sq(mag.get(k, t) - Math.sqrt(p));
                magNorm += p;
                powErr += sq(pow.get(k, t) - p);
                powNorm += p * p;
            }
        }
        System.out.printf("  |X| rel L2 %.2e, |X|^2 rel L2 %.2e%n", Math.sqrt(magErr / magNorm), Math.sqrt(powErr / powNorm));
        assertTrue(Math.sqrt(magErr / magNorm) <= TOLERANCE, "magnitude rel L2 " + Math.sqrt(magErr / magNorm));
        // Squaring doubles the relative error of the rounded magnitude.
        assertTrue(Math.sqrt(powErr / powNorm) <= 2 * TOLERANCE, "power rel L2 " + Math.sqrt(powErr / powNorm));
    }

    /** The reference itself against librosa: |direct DFT| vs the golden {@code stft_mag} (float32). */
    @Test
    void referenceMatchesLibrosaAtDefaults() {
        for (String input : new String[] {"g_music", "c_noise"}) {
            float[][] golden = Golden.npy(input, "stft_mag").toFloatMatrix();
            // The first 120 frames (2.8 s, the zero-padded start included): the O(N²) DFT is slow.
            DirectStft ref = DirectStft.of(Golden.signal(input).samples(), 2048, 512, 2048, true, 120);
            assertEquals(golden.length, ref.bins());
            double num = 0;
            double den = 0;
            for (int t = 0; t < ref.frames(); t++) {
                for (int k = 0; k < ref.bins(); k++) {
                    double m = Math.sqrt(ref.power(t, k));
                    num += sq(m - golden[k][t]);
                    den += sq(golden[k][t]);
                }
            }
            double err = Math.sqrt(num / den);
            System.out.printf("direct DFT vs librosa stft_mag %s: rel L2 %.2e%n", input, err);
            // librosa rounds to complex64 and then to a float32 magnitude: ~6e-8 is that rounding.
            assertTrue(err <= 2e-7, input + " rel L2 " + err);
        }
    }

    private static double sq(double v) {
        return v * v;
    }
}
