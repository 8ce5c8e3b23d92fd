package org.genrekit.features.hpss;

import org.genrekit.audio.Signal;
import org.genrekit.features.dsp.ComplexSpectrogram;
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
        int bins = d.bins();
        int frames = d.frames();
        int n = bins * frames;
        float[] mag = new float[n];
        float[] re = d.re();
        float[] im = d.im();
        for (int i = 0; i < n; i++) mag[i] = (float) Math.sqrt((double) re[i] * re[i] + (double) im[i] * im[i]);
        float[] harm = new float[n];
        float[] perc = new float[n];
        SlidingMedian alongTime = new SlidingMedian(kernelHarmonic);
        // Transpose to bin-major so that the time-direction median reads contiguous memory.
        float[] byBin = new float[n];
        for (int t = 0; t < frames; t++) {
            int base = t * bins;
            for (int f = 0; f < bins; f++) byBin[f * frames + t] = mag[base + f];
        }
        float[] harmByBin = new float[n];
        for (int f = 0; f < bins; f++) alongTime.filter(byBin, f * frames, 1, frames, harmByBin, f * frames, 1);
        for (int f = 0; f < bins; f++) {
            int base = f * frames;
            for (int t = 0; t < frames; t++) harm[t * bins + f] = harmByBin[base + t];
        }
        SlidingMedian alongFreq = new SlidingMedian(kernelPercussive);
        for (int t = 0; t < frames; t++) alongFreq.filter(mag, t * bins, 1, bins, perc, t * bins, 1);

        boolean splitZeros = marginHarmonic == 1.0 && marginPercussive == 1.0;
        float[] maskH = softmask(harm, perc, (float) marginHarmonic, splitZeros);
        if (!withPercussive) return new float[][] {maskH};
        float[] maskP = softmask(perc, harm, (float) marginPercussive, splitZeros);
        return new float[][] {maskH, maskP};
    }

    /** librosa.util.softmask(x, margin * ref, power, split_zeros), in single precision. */
    private float[] softmask(float[] x, float[] ref, float margin, boolean splitZeros) {
        float[] out = new float[x.length];
        boolean square = power == 2.0;
        for (int i = 0; i < x.length; i++) {
            float xr = ref[i] * margin;
            float z = Math.max(x[i], xr);
            if (z < Float.MIN_NORMAL) {
                out[i] = splitZeros ? 0.5f : 0f;
                continue;
            }
            float a = x[i] / z;
            float b = xr / z;
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
        float[] mask = masks(d, false)[0];
        float[] re = new float[mask.length];
        float[] im = new float[mask.length];
        for (int i = 0; i < mask.length; i++) {
            re[i] = d.re()[i] * mask[i];
            im[i] = d.im()[i] * mask[i];
        }
        return stft.inverse(new ComplexSpectrogram(d.bins(), d.frames(), re, im), y.length);
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
