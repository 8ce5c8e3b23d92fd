package org.genrekit.audio.resample;

/**
 * Pure-Java band-limited resampler used when libsoxr is absent: a linear-phase Kaiser-windowed sinc
 * evaluated at each output instant, designed to soxr's HQ specification (pass band to 91.37% of the
 * lower Nyquist frequency, stop band from that Nyquist frequency, 20-bit precision = 126 dB
 * attenuation). Like soxr's one-shot mode, the input is taken as zero outside its ends and the
 * output is aligned with it (no delay).
 */
public final class SincResampler {
    private static final double PASSBAND_END = 0.9137436532733066; // soxr_quality_spec(SOXR_HQ, 0)
    private static final double ATTENUATION_DB = 21 * 20 * Math.log10(2); // (precision + 1) * 6.02 dB
    /** Above this many phases the kernel is read from a finely sampled table instead of per-phase rows. */
    private static final int MAX_PHASES = 1024;
    private static final int TABLE_OVERSAMPLING = 4096;

    private SincResampler() {
    }

    public static float[] resample(float[] x, int fromRate, int toRate, int outLength) {
        int g = gcd(fromRate, toRate);
        int up = toRate / g;   // output samples per period
        int down = fromRate / g; // input samples per period
        // Filter spec in cycles per input sample, relative to the lower of the two Nyquist frequencies.
        double nyquist = 0.5 * Math.min(1.0, (double) toRate / fromRate);
        double fp = PASSBAND_END * nyquist;
        double fs = nyquist;
        double cutoff = 0.5 * (fp + fs);
        double beta = 0.1102 * (ATTENUATION_DB - 8.7);
        double taps = (ATTENUATION_DB - 7.95) / (2.285 * 2 * Math.PI * (fs - fp));
        int half = (int) Math.ceil(taps / 2) + 1; // kernel support, input samples each side
        Kernel k = new Kernel(cutoff, beta, half);
        float[] y = new float[outLength];
        int n = x.length;
        if (up <= MAX_PHASES) {
            // Output k sits at input position k*down/up: integer part + phase (k*down mod up)/up.
            int width = 2 * half;
            float[][] rows = new float[up][];
            for (int p = 0; p < up; p++) {
                double frac = (double) p / up;
                float[] row = new float[width];
                for (int j = 0; j < width; j++) {
                    row[j] = (float) k.at(frac - (j - half + 1));
                }
                rows[p] = row;
            }
            for (int o = 0; o < outLength; o++) {
                long pos = (long) o * down;
                int base = (int) (pos / up);
                float[] row = rows[(int) (pos % up)];
                int first = base - half + 1;
                int j0 = Math.max(0, -first);
                int j1 = Math.min(width, n - first);
                double acc = 0;
                for (int j = j0; j < j1; j++) {
                    acc += row[j] * x[first + j];
                }
                y[o] = (float) acc;
            }
        } else {
            double[] table = k.table(TABLE_OVERSAMPLING);
            for (int o = 0; o < outLength; o++) {
                long pos = (long) o * down;
                int base = (int) (pos / up);
                double frac = (double) (pos % up) / up;
                int first = Math.max(0, base - half + 1);
                int last = Math.min(n - 1, base + half);
                double acc = 0;
                for (int i = first; i <= last; i++) {
                    acc += k.lookup(table, TABLE_OVERSAMPLING, Math.abs(base + frac - i)) * x[i];
                }
                y[o] = (float) acc;
            }
        }
        return y;
    }

    private static int gcd(int a, int b) {
        while (b != 0) {
            int t = a % b;
            a = b;
            b = t;
        }
        return a;
    }

    /** h(t) = 2 fc sinc(2 fc t) * kaiser(t / half), t in input samples; DC gain 1. */
    private record Kernel(double cutoff, double beta, int half) {
        private static double besselI0(double x) {
            double sum = 1;
            double term = 1;
            double q = x * x / 4;
            for (int k = 1; k < 200 && term > 1e-17 * sum; k++) {
                term *= q / ((double) k * k);
                sum += term;
            }
            return sum;
        }

        double at(double t) {
            double r = t / half;
            if (Math.abs(r) >= 1) {
                return 0;
            }
            double arg = 2 * Math.PI * cutoff * t;
            double sinc = t == 0 ? 1 : Math.sin(arg) / arg;
            return 2 * cutoff * sinc * besselI0(beta * Math.sqrt(1 - r * r)) / besselI0(beta);
        }

        double[] table(int oversampling) {
            double[] t = new double[half * oversampling + 2];
            for (int i = 0; i < t.length; i++) {
                t[i] = at((double) i / oversampling);
            }
            return t;
        }

        double lookup(double[] table, int oversampling, double t) {
            double f = t * oversampling;
            int i = (int) f;
            if (i + 1 >= table.length) {
                return 0;
            }
            double w = f - i;
            return table[i] + w * (table[i + 1] - table[i]);
        }
    }
}
