package org.genrekit.features.rhythm;

import org.genrekit.audio.Signal;
import org.genrekit.features.dsp.Params;
import org.genrekit.features.dsp.Windows;
import org.jtransforms.fft.DoubleFFT_1D;

/**
 * Global tempo as {@code librosa.feature.tempo} (and the first result of
 * {@code librosa.beat.beat_track}): the autocorrelation tempogram of the onset envelope (windows
 * of {@code ac_size} seconds, Hann-weighted, each normalised to its maximum) is averaged over time,
 * weighted by a log-normal prior around {@code start_bpm} and cut above {@code max_tempo}; the
 * best lag gives the tempo. An all-zero envelope gives 0 BPM, as beat_track returns. Immutable.
 */
public final class Tempo {
    private final int sampleRate;
    private final int hopLength;
    private final double startBpm;
    private final double stdBpm;
    private final double acSize;
    private final double maxTempo;

    public Tempo(int sampleRate, int hopLength, double startBpm, double stdBpm, double acSize, double maxTempo) {
        this.sampleRate = Params.positive("sr", sampleRate);
        this.hopLength = Params.positive("hop_length", hopLength);
        if (!(startBpm > 0)) throw new IllegalArgumentException("start_bpm must be strictly positive");
        this.startBpm = startBpm;
        this.stdBpm = Params.positive("std_bpm", stdBpm);
        this.acSize = Params.positive("ac_size", acSize);
        this.maxTempo = maxTempo;
    }

    /** librosa's defaults: hop 512, start 120 BPM, std 1 octave, 8 s windows, max 320 BPM. */
    public static Tempo defaults(int sampleRate) {
        return new Tempo(sampleRate, 512, 120.0, 1.0, 8.0, 320.0);
    }

    /** Autocorrelation window length in frames (librosa.time_to_frames(ac_size)). */
    public int winLength() {
        long samples = (long) Math.floor(acSize * sampleRate);
        return (int) Math.floorDiv(samples, hopLength);
    }

    /** BPM of each tempogram lag: inf for lag 0, then 60 sr / (hop lag). */
    public double[] bpms(int n) {
        double[] b = new double[n];
        b[0] = Double.POSITIVE_INFINITY;
        for (int i = 1; i < n; i++) b[i] = 60.0 * sampleRate / (hopLength * (double) i);
        return b;
    }

    /** The time-averaged autocorrelation tempogram, one value per lag. */
    public double[] meanTempogram(float[] onsetEnvelope) {
        int win = winLength();
        Params.positive("win_length", win);
        int n = onsetEnvelope.length;
        int half = win / 2;
        // numpy pad mode 'linear_ramp' to 0: left = linspace(0, first, half, endpoint=False),
        // right = the same ramp to the last value, reversed; float32 like the envelope.
        double[] padded = new double[n + 2 * half];
        double first = n > 0 ? onsetEnvelope[0] : 0;
        double last = n > 0 ? onsetEnvelope[n - 1] : 0;
        for (int i = 0; i < half; i++) {
            padded[i] = (float) (first * i / half);
            padded[half + n + i] = (float) (last * (half - 1 - i) / half);
        }
        for (int i = 0; i < n; i++) padded[half + i] = onsetEnvelope[i];
        double[] window = Windows.hann(win);
        int fftSize = Integer.highestOneBit(Math.max(2 * win - 1, 2) - 1) << 1;
        DoubleFFT_1D fft = new DoubleFFT_1D(fftSize);
        double[] buf = new double[fftSize];
        // Each frame's autocorrelation is normalised by its maximum, which is its lag-0 value
        // (the energy of the windowed frame). The time average of r_t / r_t(0) is then the inverse
        // FFT of the weighted average of |X_t|^2: one inverse transform instead of one per frame.
        double[] spectrum = new double[fftSize];
        int frames = Math.min(n, padded.length - win + 1);
        for (int t = 0; t < frames; t++) {
            double energy = 0;
            for (int i = 0; i < win; i++) {
                double v = padded[t + i] * window[i];
                buf[i] = v;
                energy += v * v;
            }
            java.util.Arrays.fill(buf, win, fftSize, 0.0);
            // librosa.util.normalize leaves frames whose maximum is below the smallest normal float as they are.
            double weight = energy >= Float.MIN_NORMAL ? 1.0 / energy : 1.0;
            fft.realForward(buf);
            spectrum[0] += weight * buf[0] * buf[0];
            spectrum[1] += weight * buf[1] * buf[1];
            for (int k = 1; k < fftSize / 2; k++) {
                double re = buf[2 * k];
                double im = buf[2 * k + 1];
                spectrum[2 * k] += weight * (re * re + im * im);
            }
        }
        fft.realInverse(spectrum, true);
        double[] sum = new double[win];
        for (int i = 0; i < win; i++) sum[i] = spectrum[i] / n;
        return sum;
    }

    /** Tempo in BPM from an onset envelope (0 when the envelope is all zeros). */
    public double fromOnsetEnvelope(float[] onsetEnvelope) {
        boolean any = false;
        for (float v : onsetEnvelope) if (v != 0f) { any = true; break; }
        if (!any) return 0.0;
        double[] tg = meanTempogram(onsetEnvelope);
        double[] bpm = bpms(tg.length);
        int maxIdx = 0;
        for (int i = 0; i < bpm.length; i++) {
            if (bpm[i] < maxTempo) { maxIdx = i; break; }
        }
        double log2Start = Math.log(startBpm) / Math.log(2);
        int best = -1;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < tg.length; i++) {
            if (i < maxIdx || i == 0) continue;
            double lp = (Math.log(bpm[i]) / Math.log(2) - log2Start) / stdBpm;
            double score = Math.log1p(1e6 * tg[i]) - 0.5 * lp * lp;
            if (score > bestScore) {
                bestScore = score;
                best = i;
            }
        }
        return best < 0 ? bpm[0] : bpm[best];
    }

    /** Tempo of a signal, with the median-aggregated onset envelope that beat_track uses. */
    public double compute(Signal signal) {
        return fromOnsetEnvelope(OnsetStrength.forBeatTracking(sampleRate).compute(signal));
    }
}
