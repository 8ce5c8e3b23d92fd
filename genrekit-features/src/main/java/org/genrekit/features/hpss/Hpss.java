package org.genrekit.features.hpss;

import java.util.concurrent.ForkJoinTask;
import org.genrekit.audio.Signal;
import org.genrekit.features.dsp.ComplexSpectrogram;
import org.genrekit.features.dsp.FrameMatrix;
import org.genrekit.features.dsp.Params;
import org.genrekit.features.dsp.SignalChecks;
import org.genrekit.features.dsp.Stft;

/**
 * Median-filtering harmonic/percussive separation as {@code librosa.decompose.hpss} and
 * {@code librosa.effects.hpss}: the magnitude is median-filtered across time (harmonic) and across
 * frequency (percussive) with 'reflect' edges; soft masks {@code H^p / (H^p + (margin P)^p)} (and
 * the converse) split the complex STFT; with margins of 1, bins where both filters are zero get
 * 0.5 each (librosa's split_zeros). Immutable and thread-safe.
 */
public final class Hpss {
    private final int kernelHarmonic;
    private final int kernelPercussive;
    private final double power;
    private final double marginHarmonic;
    private final double marginPercussive;

    public Hpss(int kernelHarmonic, int kernelPercussive, double power, double marginHarmonic, double marginPercussive) {
        this.kernelHarmonic = Params.positive("kernel_size", kernelHarmonic);
        this.kernelPercussive = Params.positive("kernel_size", kernelPercussive);
        if (kernelHarmonic % 2 == 0 || kernelPercussive % 2 == 0) {
            throw new IllegalArgumentException("kernel_size must be odd, got (" + kernelHarmonic + ", " + kernelPercussive + ")");
        }
        this.power = Params.positive("power", power);
        if (marginHarmonic < 1 || marginPercussive < 1) {
            throw new IllegalArgumentException("Margins must be >= 1.0. A typical range is between 1 and 10.");
        }
        this.marginHarmonic = marginHarmonic;
        this.marginPercussive = marginPercussive;
    }

    /** librosa's defaults: kernel 31, power 2, margin 1. */
    public static Hpss defaults() {
        return new Hpss(31, 31, 2.0, 1.0, 1.0);
    }

    /** Harmonic and percussive soft masks, frame-major like the spectrogram: {@code [2][bins * frames]}. */
    public float[][] masks(ComplexSpectrogram d) {
        return masks(d, true);
    }

    private float[][] masks(ComplexSpectrogram d, boolean withPercussive) {
        return masks(d.magnitude(), withPercussive);
    }

    private float[][] masks(FrameMatrix magnitude, boolean withPercussive) {
        int bins = magnitude.rows();
        int frames = magnitude.frames();
        int n = bins * frames;
        float[] mag = magnitude.data();
        // Per-thread scratch: four spectrogram-sized arrays per clip would otherwise be
        // allocated and zeroed each time.
        float[][] ws = workspace(n);
        float[] harm = ws[0];
        float[] perc = ws[1];
        // The two median passes are independent and each is ~45% of gtzan58's time: the
        // frequency-direction one is forked so that an idle core (one request on a server)
        // halves the latency. When every core is busy (batch runs), join() runs it right here.
        ForkJoinTask<?> percussive = ForkJoinTask.adapt(() -> {
            // Bin-major, so that the frequency-direction median runs with the frames as lanes.
            float[] byBin = FrameMatrix.transpose(mag, frames, bins, ws[2]);
            float[] percByBin = ws[3];
            new LaneMedian(kernelPercussive).filter(byBin, bins, frames, percByBin);
            FrameMatrix.transpose(percByBin, bins, frames, perc);
        }).fork();
        // Frame-major as it is: the time-direction median runs with the bins as lanes.
        new LaneMedian(kernelHarmonic).filter(mag, frames, bins, harm);
        percussive.join();

        boolean splitZeros = marginHarmonic == 1.0 && marginPercussive == 1.0;
        float[] maskH = softmask(harm, perc, n, (float) marginHarmonic, splitZeros);
        if (!withPercussive) return new float[][] {maskH};
        float[] maskP = softmask(perc, harm, n, (float) marginPercussive, splitZeros);
        return new float[][] {maskH, maskP};
    }

    private static final ThreadLocal<float[][]> WORKSPACE = ThreadLocal.withInitial(() -> new float[4][0]);

    private static float[][] workspace(int n) {
        float[][] ws = WORKSPACE.get();
        if (ws[0].length < n) {
            for (int i = 0; i < ws.length; i++) ws[i] = new float[n];
        }
        return ws;
    }

    /** First {@code n} values of librosa.util.softmask(x, margin * ref, power, split_zeros), in single precision. */
    private float[] softmask(float[] x, float[] ref, int n, float margin, boolean splitZeros) {
        float[] out = new float[n];
        boolean square = power == 2.0;
        for (int i = 0; i < n; i++) {
            float xi = x[i];
            float xr = ref[i] * margin;
            float z = Math.max(xi, xr);
            if (z < Float.MIN_NORMAL) {
                out[i] = splitZeros ? 0.5f : 0f;
                continue;
            }
            // One of the two ratios is z / z, exactly 1 in IEEE arithmetic: one division saved.
            float a = xi >= xr ? 1f : xi / z;
            float b = xi >= xr ? xr / z : 1f;
            float m = square ? a * a : (float) Math.pow(a, power);
            float mr = square ? b * b : (float) Math.pow(b, power);
            out[i] = m / (m + mr);
        }
        return out;
    }

    /** The complex STFT split into harmonic and percussive parts. */
    public ComplexSpectrogram[] separate(ComplexSpectrogram d) {
        float[][] masks = masks(d);
        ComplexSpectrogram[] out = new ComplexSpectrogram[2];
        for (int m = 0; m < 2; m++) {
            float[] mask = masks[m];
            float[] re = new float[mask.length];
            float[] im = new float[mask.length];
            for (int i = 0; i < mask.length; i++) {
                re[i] = d.re()[i] * mask[i];
                im[i] = d.im()[i] * mask[i];
            }
            out[m] = new ComplexSpectrogram(d.bins(), d.frames(), re, im);
        }
        return out;
    }

    /**
     * {@code librosa.effects.hpss}: harmonic and percussive time signals of {@code y}, each as long
     * as {@code y}, computed with {@code stft} (and its inverse) from an existing complex STFT.
     */
    public float[][] effects(float[] y, Stft stft, ComplexSpectrogram d) {
        ComplexSpectrogram[] parts = separate(d);
        return new float[][] {stft.inverse(parts[0], y.length), stft.inverse(parts[1], y.length)};
    }

    /**
     * The harmonic time signal only (as long as {@code y}). With margins of 1 the two soft masks
     * sum to one, so the percussive signal is {@code y - harmonic} up to the STFT round trip's
     * float rounding (~1e-7 relative): callers that need both can save the second inverse STFT.
     */
    public float[] harmonic(float[] y, Stft stft, ComplexSpectrogram d) {
        return harmonic(y, stft, d, d.magnitude());
    }

    /**
     * The harmonic soft mask of frames {@code [0, frames)} of a magnitude spectrogram (frame-major).
     * The time-direction median of a frame reads the 15 frames on either side (kernel 31): for a
     * block of a longer spectrogram, the mask is exact for frames at least that far from the
     * block's ends, or at the spectrogram's own ends.
     */
    public float[] harmonicMask(FrameMatrix magnitude) {
        return masks(magnitude, false)[0];
    }

    /** Frames on each side that a frame's mask depends on (half the time-direction kernel). */
    public int context() {
        return kernelHarmonic / 2;
    }

    /** As {@link #harmonic(float[], Stft, ComplexSpectrogram)} with |d| already at hand. */
    public float[] harmonic(float[] y, Stft stft, ComplexSpectrogram d, FrameMatrix magnitude) {
        float[] mask = masks(magnitude, false)[0];
        return stft.inverse(d, mask, y.length);
    }

    public float[][] effects(Signal signal, Stft stft) {
        float[] y = signal.samples();
        return effects(y, stft, stft.complex(y));
    }

    public float[][] effects(Signal signal) {
        return effects(signal, Stft.defaults());
    }

    /** Requires the signal to be at {@code sampleRate} (HPSS itself is rate-independent). */
    public float[][] effects(Signal signal, int sampleRate) {
        SignalChecks.samplesAt(signal, sampleRate);
        return effects(signal);
    }
}
