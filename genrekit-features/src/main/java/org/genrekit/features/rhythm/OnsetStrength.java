package org.genrekit.features.rhythm;

import java.util.Arrays;
import org.genrekit.audio.Signal;
import org.genrekit.features.dsp.FrameMatrix;
import org.genrekit.features.dsp.Params;
import org.genrekit.features.dsp.SignalChecks;
import org.genrekit.features.spectral.MelSpectrogram;
import org.genrekit.features.spectral.PowerToDb;

/**
 * {@code librosa.onset.onset_strength}: spectral flux of the log-power mel spectrogram (ref 1,
 * top_db 80): {@code max(0, S[:, t] - S[:, t - lag])} aggregated over bands (mean, or median as
 * {@code beat_track} uses), shifted by {@code lag + n_fft / (2 hop)} frames of zeros to undo the
 * centring, trimmed to the number of frames. max_size = 1 (no vibrato suppression). Immutable.
 */
public final class OnsetStrength {
    /** How band differences are combined into one value per frame. */
    public enum Aggregate { MEAN, MEDIAN }

    private final MelSpectrogram mel;
    private final int lag;
    private final Aggregate aggregate;

    public OnsetStrength(MelSpectrogram mel, int lag, Aggregate aggregate) {
        this.mel = mel;
        this.lag = Params.positive("lag", lag);
        this.aggregate = aggregate;
    }

    /** librosa's defaults at {@code sampleRate} (mean aggregation). */
    public static OnsetStrength defaults(int sampleRate) {
        return new OnsetStrength(MelSpectrogram.defaults(sampleRate), 1, Aggregate.MEAN);
    }

    /** As {@code beat_track} computes it: median over bands. */
    public static OnsetStrength forBeatTracking(int sampleRate) {
        return new OnsetStrength(MelSpectrogram.defaults(sampleRate), 1, Aggregate.MEDIAN);
    }

    public MelSpectrogram mel() {
        return mel;
    }

    public Aggregate aggregate() {
        return aggregate;
    }

    /** From the mel power spectrogram (frame-major). */
    public float[] fromMel(FrameMatrix melPower) {
        float[] db = PowerToDb.defaults().applyInPlace(melPower.data().clone());
        return fromMelDb(new FrameMatrix(melPower.rows(), melPower.frames(), db));
    }

    /** From an already log-scaled mel spectrogram (power_to_db with ref 1, top_db 80). */
    public float[] fromMelDb(FrameMatrix melDb) {
        int bands = melDb.rows();
        int frames = melDb.frames();
        float[] d = melDb.data();
        int pad = pad();
        int outLen = mel.stft().center() ? frames : Math.max(frames - lag, 0) + pad;
        float[] out = new float[outLen];
        float[] diff = new float[bands];
        for (int t = lag; t < frames; t++) {
            int o = t - lag + pad;
            if (o >= outLen) break;
            out[o] = value(d, t * bands, d, (t - lag) * bands, bands, diff);
        }
        return out;
    }

    /** Zeros before the first value: the lag, and with center the STFT's half-frame shift. */
    private int pad() {
        return lag + (mel.stft().center() ? mel.stft().nFft() / (2 * mel.stft().hopLength()) : 0);
    }

    /** The aggregated positive difference of frame {@code cur} over frame {@code prev} (bands values each). */
    private float value(float[] d, int cur, float[] p, int prev, int bands, float[] diff) {
        for (int b = 0; b < bands; b++) diff[b] = Math.max(0f, d[cur + b] - p[prev + b]);
        return aggregate == Aggregate.MEAN ? mean(diff) : median(diff);
    }

    /**
     * The envelope of a log-mel spectrogram that arrives frame by frame ({@link #fromMelDb} of the
     * whole, value for value): keeps the last {@code lag} frames and one float per frame. With center only.
     */
    public final class Envelope {
        private final int bands;
        private final float[][] previous;
        private final float[] diff;
        private float[] out = new float[1 << 12];
        private int frames;

        private Envelope(int bands) {
            if (!mel.stft().center()) throw new IllegalStateException("a streamed envelope needs center=True");
            this.bands = bands;
            this.previous = new float[lag][bands];
            this.diff = new float[bands];
        }

        /** Adds the next frame: {@code bands} dB values from {@code d[base]}. */
        public void add(float[] d, int base) {
            int t = frames++;
            if (t >= lag) {
                int o = t - lag + pad();
                if (o >= out.length) out = java.util.Arrays.copyOf(out, Math.max(o + 1, 2 * out.length));
                out[o] = value(d, base, previous[t % lag], 0, bands, diff);
            }
            System.arraycopy(d, base, previous[t % lag], 0, bands);
        }

        /** The envelope, one value per frame added. */
        public float[] finish() {
            return java.util.Arrays.copyOf(out, frames);
        }
    }

    /** A streamed envelope over frames of {@code bands} values. */
    public Envelope envelope(int bands) {
        return new Envelope(bands);
    }

    private static float mean(float[] v) {
        double s = 0;
        for (float x : v) s += x;
        return (float) (s / v.length);
    }

    private static float median(float[] v) {
        float[] c = v.clone();
        Arrays.sort(c);
        int n = c.length;
        return n % 2 == 1 ? c[n / 2] : (c[n / 2 - 1] + c[n / 2]) / 2f;
    }

    public float[] compute(float[] y) {
        return fromMel(mel.frames(y));
    }

    /** One value per frame. */
    public float[] compute(Signal signal) {
        return compute(SignalChecks.samplesAt(signal, mel.sampleRate()));
    }
}
