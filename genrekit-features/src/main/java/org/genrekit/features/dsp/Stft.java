package org.genrekit.features.dsp;

import org.jtransforms.fft.DoubleFFT_1D;

/**
 * Short-time Fourier transform as {@code librosa.stft} 0.11 computes it: periodic Hann window
 * (zero-padded to {@code n_fft} when shorter), frames {@code hop_length} apart, and with
 * {@code center=True} the signal padded by {@code n_fft / 2} zeros on each side (pad_mode
 * 'constant'). Also the inverse, as {@code librosa.istft}. Immutable; safe to share between
 * threads (each thread gets its own FFT plan and buffers).
 */
public final class Stft {
    private final int nFft;
    private final int hopLength;
    private final int winLength;
    private final boolean center;
    private final double[] windowD;
    private final ThreadLocal<Work> work;

    private static final class Work {
        final DoubleFFT_1D fft;
        final double[] buf;
        /**
         * One frame's spectrum unpacked contiguously, so that the |X| loop vectorises (it reads
         * doubles and writes floats: C2 vectorises no loop that stores to the type it reads).
         */
        final double[] re;
        final double[] im;

        Work(int n) {
            fft = new DoubleFFT_1D(n);
            buf = new double[n];
            re = new double[n / 2 + 1];
            im = new double[n / 2 + 1];
        }
    }

    public Stft(int nFft, int hopLength, int winLength, boolean center) {
        this.nFft = Params.positive("n_fft", nFft);
        this.hopLength = Params.positive("hop_length", hopLength);
        this.winLength = Params.positive("win_length", winLength);
        if (winLength > nFft) throw new IllegalArgumentException("win_length=" + winLength + " must be <= n_fft=" + nFft);
        this.center = center;
        this.windowD = Windows.padCenter(Windows.hann(winLength), nFft);
        this.work = ThreadLocal.withInitial(() -> new Work(nFft));
    }

    /** n_fft with win_length = n_fft, centered. */
    public Stft(int nFft, int hopLength) {
        this(nFft, hopLength, nFft, true);
    }

    /** librosa's defaults: n_fft 2048, hop 512, hann 2048, center. */
    public static Stft defaults() {
        return new Stft(2048, 512);
    }

    public int nFft() {
        return nFft;
    }

    public int hopLength() {
        return hopLength;
    }

    public int winLength() {
        return winLength;
    }

    public boolean center() {
        return center;
    }

    public int bins() {
        return nFft / 2 + 1;
    }

    /** The analysis window, zero-padded to n_fft (a copy). */
    public double[] window() {
        return windowD.clone();
    }

    /** Number of frames for a signal of {@code n} samples. */
    public int frameCount(int n) {
        int padded = center ? n + 2 * (nFft / 2) : n;
        if (padded < nFft) {
            throw new IllegalArgumentException("n_fft=" + nFft + " is too large for input signal of length=" + n);
        }
        return 1 + (padded - nFft) / hopLength;
    }

    /** Frequency of each bin in Hz (np.fft.rfftfreq(n_fft, 1/sr)). */
    public double[] frequencies(int sampleRate) {
        double[] f = new double[bins()];
        for (int k = 0; k < f.length; k++) f[k] = k * (double) sampleRate / nFft;
        return f;
    }

    /**
     * Fills {@code buf} (length n_fft) with windowed frame {@code t} of {@code y} and transforms it
     * in place; the result is in JTransforms' packed real layout: buf[0] = Re(0),
     * buf[1] = Re(n/2), buf[2k], buf[2k+1] = Re(k), Im(k).
     */
    private void transformFrame(float[] y, int t, double[] buf, DoubleFFT_1D fft) {
        int start = t * hopLength - (center ? nFft / 2 : 0);
        int n = y.length;
        if (start >= 0 && start + nFft <= n) {
            for (int i = 0; i < nFft; i++) buf[i] = y[start + i] * windowD[i];
        } else {
            for (int i = 0; i < nFft; i++) {
                int j = start + i;
                buf[i] = (j >= 0 && j < n) ? y[j] * windowD[i] : 0.0;
            }
        }
        fft.realForward(buf);
    }

    /**
     * The FFT of one frame given as its {@code n_fft} samples ({@code frame[off ..]}, zeros where
     * the signal is padded): windowed, transformed in place into {@code work} (length n_fft, packed
     * as {@link #transformFrame}), the very arithmetic of the whole-signal methods.
     */
    public void transformFrame(float[] frame, int off, double[] work) {
        for (int i = 0; i < nFft; i++) work[i] = frame[off + i] * windowD[i];
        work().fft.realForward(work);
    }

    /** A buffer of n_fft doubles for {@link #transformFrame(float[], int, double[])}. */
    public double[] newWork() {
        return new double[nFft];
    }

    /** Unpacks a transformed frame into {@code re[base ..]} and {@code im[base ..]} (bins values each). */
    public void unpackComplex(double[] work, float[] re, float[] im, int base) {
        int half = nFft / 2;
        re[base] = (float) work[0];
        im[base] = 0f;
        if (nFft % 2 == 0) {
            re[base + half] = (float) work[1];
            im[base + half] = 0f;
            for (int k = 1; k < half; k++) {
                re[base + k] = (float) work[2 * k];
                im[base + k] = (float) work[2 * k + 1];
            }
        } else {
            // Odd n: JTransforms packs Im((n-1)/2) in work[1].
            int bins = bins();
            for (int k = 1; k < bins; k++) {
                re[base + k] = (float) work[2 * k];
                im[base + k] = (float) (k == bins - 1 ? work[1] : work[2 * k + 1]);
            }
        }
    }

    /** |X|^power (1 or 2) of a transformed frame into {@code out[base ..]}, as {@link #spectrogram}. */
    public void unpackPower(double[] work, float[] out, int base, double power) {
        powerOfFrame(work, out, base, power);
    }

    private Work work() {
        return work.get();
    }

    /** The complex STFT. */
    public ComplexSpectrogram complex(float[] y) {
        int frames = frameCount(y.length);
        int bins = bins();
        float[] re = new float[frames * bins];
        float[] im = new float[frames * bins];
        Work w = work.get();
        double[] buf = w.buf;
        for (int t = 0; t < frames; t++) {
            transformFrame(y, t, buf, w.fft);
            unpackComplex(buf, re, im, t * bins);
        }
        return new ComplexSpectrogram(bins, frames, re, im);
    }

    /** |STFT|^2, frame-major, computed without keeping the complex values. */
    public FrameMatrix power(float[] y) {
        return spectrogram(y, 2.0);
    }

    /** |STFT|, frame-major. */
    public FrameMatrix magnitude(float[] y) {
        return spectrogram(y, 1.0);
    }

    /** |STFT|^power for power 1 or 2 (librosa's _spectrogram), frame-major. */
    public FrameMatrix spectrogram(float[] y, double power) {
        if (power != 1.0 && power != 2.0) Params.positive("power", power);
        int frames = frameCount(y.length);
        int bins = bins();
        float[] out = new float[frames * bins];
        Work w = work.get();
        double[] buf = w.buf;
        for (int t = 0; t < frames; t++) {
            transformFrame(y, t, buf, w.fft);
            powerOfFrame(buf, out, t * bins, power);
        }
        return new FrameMatrix(bins, frames, out);
    }

    /** Receives one spectrum at a time; the array is reused for the next frame. */
    @FunctionalInterface
    public interface FrameSink {
        void accept(int frame, float[] spectrum);
    }

    /**
     * Streams |STFT|^power frame by frame to {@code sink} without storing the spectrogram (for
     * projections such as the mel bank, which then read a cache-resident frame).
     */
    public void spectrogramFrames(float[] y, double power, FrameSink sink) {
        int frames = frameCount(y.length);
        float[] spec = new float[bins()];
        Work w = work.get();
        double[] buf = w.buf;
        for (int t = 0; t < frames; t++) {
            transformFrame(y, t, buf, w.fft);
            powerOfFrame(buf, spec, 0, power);
            sink.accept(t, spec);
        }
    }

    /** Writes |X_k|^power of one packed FFT frame into {@code out[base .. base + bins)}. */
    void powerOfFrame(double[] buf, float[] out, int base, double power) {
        // librosa rounds the complex STFT to complex64, takes np.abs in float32, then ** power.
        Work w = work.get();
        double[] re = w.re;
        double[] im = w.im;
        int bins = bins();
        int half = nFft / 2;
        int last = nFft % 2 == 0 ? half : bins - 1;
        re[0] = buf[0];
        im[0] = 0;
        for (int k = 1; k < last; k++) {
            re[k] = buf[2 * k];
            im[k] = buf[2 * k + 1];
        }
        // The packed layout's exceptions (see transformFrame): Re(n/2) in buf[1] for even n,
        // Im((n-1)/2) in buf[1] for odd n.
        if (nFft % 2 == 0) {
            re[half] = buf[1];
            im[half] = 0;
        } else if (bins > 1) {
            re[bins - 1] = buf[2 * (bins - 1)];
            im[bins - 1] = buf[1];
        }
        if (power == 2.0) {
            for (int k = 0; k < bins; k++) out[base + k] = ComplexAbs.power((float) re[k], (float) im[k]);
        } else if (power == 1.0) {
            for (int k = 0; k < bins; k++) out[base + k] = ComplexAbs.abs((float) re[k], (float) im[k]);
        } else {
            for (int k = 0; k < bins; k++) out[base + k] = (float) Math.pow(ComplexAbs.abs((float) re[k], (float) im[k]), power);
        }
    }

    private record WindowSum(int frames, double[] sum) {
    }

    private volatile WindowSum wsumCache = new WindowSum(-1, new double[0]);

    /** Sum over frames of the squared window (librosa.filters.window_sumsquare); cached for the last frame count. */
    private double[] windowSumSquare(int frames) {
        WindowSum cached = wsumCache;
        if (cached.frames() == frames) return cached.sum();
        double[] wsum = new double[nFft + hopLength * (frames - 1)];
        for (int t = 0; t < frames; t++) {
            int start = t * hopLength;
            for (int i = 0; i < nFft; i++) wsum[start + i] += windowD[i] * windowD[i];
        }
        wsumCache = new WindowSum(frames, wsum);
        return wsum;
    }

    /**
     * The inverse FFT of one frame of a spectrogram ({@code re, im} from {@code base}), each bin
     * multiplied by {@code mask} (from {@code maskBase}; null for none) and rounded to float as a
     * complex64 product would be; the frame's samples, not yet windowed, are left in {@code work}.
     */
    void inverseFrame(float[] re, float[] im, int base, float[] mask, int maskBase, double[] work) {
        int bins = bins();
        int half = nFft / 2;
        int mb = maskBase - base;
        work[0] = mask == null ? re[base] : re[base] * mask[base + mb];
        if (nFft % 2 == 0) {
            work[1] = mask == null ? re[base + half] : re[base + half] * mask[base + half + mb];
            if (mask == null) {
                for (int k = 1; k < half; k++) {
                    work[2 * k] = re[base + k];
                    work[2 * k + 1] = im[base + k];
                }
            } else {
                for (int k = 1; k < half; k++) {
                    float m = mask[base + k + mb];
                    work[2 * k] = re[base + k] * m;
                    work[2 * k + 1] = im[base + k] * m;
                }
            }
        } else {
            for (int k = 1; k < bins; k++) {
                float m = mask == null ? 1f : mask[base + k + mb];
                work[2 * k] = re[base + k] * m;
                if (k == bins - 1) work[1] = im[base + k] * m;
                else work[2 * k + 1] = im[base + k] * m;
            }
        }
        work().fft.realInverse(work, true);
    }

    /**
     * Adds a windowed inverse frame into the float32 output buffer at {@code start}: each sample
     * added in double and rounded back, like numpy's in-place {@code y += ytmp}.
     */
    void overlapAdd(double[] frame, float[] acc, int start) {
        for (int i = 0; i < nFft; i++) {
            acc[start + i] = (float) (acc[start + i] + frame[i] * windowD[i]);
        }
    }

    /** Sum over frames {@code [0, frames)} of the squared window at padded sample {@code j}, frames added in order. */
    double windowSumSquareAt(long j, int frames) {
        long tFrom = Math.max(0, Math.floorDiv(j - nFft + hopLength, hopLength));
        long tTo = Math.min(frames - 1L, Math.floorDiv(j, hopLength));
        double sum = 0;
        for (long t = tFrom; t <= tTo; t++) {
            double w = windowD[(int) (j - t * hopLength)];
            sum += w * w;
        }
        return sum;
    }

    /**
     * Inverse STFT (librosa.istft with {@code length}): inverse FFT of each frame, windowed
     * overlap-add, division by the summed squared window where it is not tiny, trimmed (with
     * center) by n_fft / 2 and fixed to {@code length} samples.
     */
    public float[] inverse(ComplexSpectrogram s, int length) {
        return inverse(s, null, length);
    }

    /**
     * Inverse STFT of {@code s} multiplied bin by bin by the real {@code mask} (same layout; null
     * for none), without materialising the masked spectrogram. The product is rounded to float
     * as a complex64 spectrogram would be.
     */
    public float[] inverse(ComplexSpectrogram s, float[] mask, int length) {
        if (mask != null && mask.length != s.re().length) throw new IllegalArgumentException("mask has " + mask.length + " values, spectrogram " + s.re().length);
        Params.nonNegative("length", length);
        if (s.bins() != bins()) throw new IllegalArgumentException("spectrogram has " + s.bins() + " bins, expected " + bins() + " for n_fft=" + nFft);
        int offset = center ? nFft / 2 : 0;
        int padded = length + offset * 2;
        int frames = Math.min(s.frames(), (int) Math.ceil(padded / (double) hopLength));
        int total = nFft + hopLength * (frames - 1);
        // float32, as librosa's output buffer: each frame (float64 irfft times the window) is
        // added in double and rounded back, like numpy's in-place y += ytmp. A float array also
        // lets the JIT vectorise the overlap-add (it stores to no array of the type it reads).
        float[] acc = new float[Math.max(total, 0)];
        double[] wsum = windowSumSquare(frames);
        Work w = work.get();
        double[] buf = w.buf;
        int bins = bins();
        for (int t = 0; t < frames; t++) {
            inverseFrame(s.re(), s.im(), t * bins, mask, t * bins, buf);
            overlapAdd(buf, acc, t * hopLength);
        }
        float[] y = new float[length];
        final double tiny = Float.MIN_NORMAL;
        for (int i = 0; i < length; i++) {
            int j = i + offset;
            if (j >= acc.length) break;
            float v = acc[j];
            y[i] = (float) (wsum[j] > tiny ? v / wsum[j] : v);
        }
        return y;
    }
}
