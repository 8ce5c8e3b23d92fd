package org.genrekit.features.spectral;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.genrekit.features.dsp.DirectStft;
import org.genrekit.features.dsp.FrameMatrix;
import org.genrekit.features.dsp.Stft;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code estimate_tuning} on a near-tie, where librosa's float32 arithmetic and exact (float64)
 * arithmetic put the pitches in neighbouring histogram bins: the answer must be librosa's.
 *
 * <p>How the tie is built: a steady sine (2 s at 22050 Hz, amplitude 0.5) gives one piptrack
 * peak per frame, all at the same interpolated pitch. Its frequency was searched so that the
 * pitch's deviation from the equal-tempered grid lies within 2e-6 of a histogram edge (the
 * search and the expected bins come from a step-by-step numpy emulation of librosa 0.11 with
 * its dtypes, kept outside the project):
 * <ul>
 *   <li>1484.4852 Hz: the pitch rounds to float32 1485.1159668 Hz; {@code log2(f / 27.5)} in
 *       float32 is 5.7550001 (the exact value lies 0.0002 ulp from it, so any float32 log2 gives
 *       it) and {@code 12 * octs} rounds to 69.0599976: deviation 0.0599976, bin 0.05. Exactly,
 *       the deviation is 0.0600015: bin 0.06.</li>
 *   <li>577.3943 Hz: float32 pitch 578.5748291 Hz, {@code 12 * octs} = 52.7399979, deviation
 *       -0.2600021, bin -0.27; exactly -0.2599993, bin -0.26.</li>
 * </ul>
 * In both, most steady frames give bit-identical float32 peak magnitudes and the median is one
 * of them (48 of 87 peaks at 1484.4852 Hz): {@code mag >= median} keeps those, see
 * {@link #keepsPeaksEqualToTheMedian()}.
 */
class TuningNearTieTest {
    static final int SR = 22050;

    static float[] tone(double hz) {
        float[] y = new float[2 * SR];
        for (int n = 0; n < y.length; n++) y[n] = (float) (0.5 * Math.sin(2 * Math.PI * hz * n / SR));
        return y;
    }

    @ParameterizedTest(name = "{0} Hz: float32 {1}, float64 {2}")
    @CsvSource({"1484.4852, 0.05, 0.06", "577.3943, -0.27, -0.26"})
    void takesLibrosasFloat32Bin(double hz, double float32Bin, double float64Bin) {
        float[] y = tone(hz);
        // The tie is real: exact arithmetic lands in the other bin.
        assertEquals(float64Bin, exactTuning(y), 1e-9, "float64 reference");
        // chroma_stft's path: estimate_tuning(S=|stft|², bins_per_octave=12).
        assertEquals(float32Bin, TuningEstimator.of(SR, 2048, 12).estimate(Stft.defaults().power(y)), 1e-9);
    }

    /**
     * estimate_tuning keeps the peaks whose magnitude is at least the median ({@code >=}): two
     * frames peak at bin 60 (645.996 Hz, deviation -0.352, bin -0.36) with magnitude 1, one at
     * bin 70 (753.662 Hz, deviation 0.317, bin 0.31) with magnitude 2. The median is 1, so all
     * three count and bin 60's two win; with {@code >} only bin 70's would.
     */
    @Test
    void keepsPeaksEqualToTheMedian() {
        int bins = 1025;
        float[] s = new float[3 * bins];
        int[] peakBin = {60, 60, 70};
        float[] height = {1f, 1f, 2f};
        for (int t = 0; t < 3; t++) {
            // A symmetric peak: the parabola's shift is 0, so the pitch is the bin's frequency.
            s[t * bins + peakBin[t]] = height[t];
            s[t * bins + peakBin[t] - 1] = height[t] / 2;
            s[t * bins + peakBin[t] + 1] = height[t] / 2;
        }
        assertEquals(-0.36, TuningEstimator.of(SR, 2048, 12).estimate(new FrameMatrix(bins, 3, s)), 1e-9);
    }

    /**
     * librosa's piptrack and pitch_tuning in float64 throughout, on the exact power spectrum
     * (n_fft 2048, hop 512, centred): the arithmetic the float32 one approximates.
     */
    static double exactTuning(float[] y) {
        int nFft = 2048;
        DirectStft d = DirectStft.of(y, nFft, 512, nFft, true);
        List<double[]> peaks = new ArrayList<>(); // {pitch, magnitude}
        for (int t = 0; t < d.frames(); t++) {
            double[] s = new double[d.bins()];
            double max = 0;
            for (int k = 0; k < s.length; k++) {
                s[k] = d.power(t, k);
                max = Math.max(max, s[k]);
            }
            double ref = 0.1 * max;
            for (int k = 1; k < s.length - 1; k++) {
                double f = k * (double) SR / nFft;
                if (f < 150 || f >= 4000) continue;
                double x = s[k] > ref ? s[k] : 0;
                double left = s[k - 1] > ref ? s[k - 1] : 0;
                double right = s[k + 1] > ref ? s[k + 1] : 0;
                if (!(x > left && x >= right)) continue;
                double a = s[k + 1] + s[k - 1] - 2 * s[k];
                double b = (s[k + 1] - s[k - 1]) / 2;
                double shift = Math.abs(b) >= Math.abs(a) ? 0 : -b / a;
                peaks.add(new double[] {(k + shift) * SR / nFft, s[k] + 0.5 * b * shift});
            }
        }
        double[] mags = peaks.stream().mapToDouble(p -> p[1]).sorted().toArray();
        int n = mags.length;
        double median = n % 2 == 1 ? mags[n / 2] : (mags[n / 2 - 1] + mags[n / 2]) / 2;
        int[] counts = new int[100];
        for (double[] p : peaks) {
            if (p[1] < median) continue;
            double r = 12 * Math.log(p[0] / 27.5) / Math.log(2);
            r -= Math.floor(r);
            if (r >= 0.5) r -= 1;
            int bin = 0; // numpy.histogram: the last edge -0.5 + i * 0.01 at or below r
            while (bin < 99 && -0.5 + (bin + 1) * 0.01 <= r) bin++;
            counts[bin]++;
        }
        int best = 0;
        for (int i = 1; i < counts.length; i++) if (counts[i] > counts[best]) best = i;
        System.out.printf("exact tuning: %d peaks, %d kept, counts %s%n", n, Arrays.stream(counts).sum(), Arrays.toString(counts));
        return -0.5 + best * 0.01;
    }
}
