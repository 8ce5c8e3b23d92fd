package org.genrekit.features.sets;

import java.util.Arrays;
import org.genrekit.audio.AudioDecodeException;
import org.genrekit.audio.SampleSink;
import org.genrekit.audio.SignalSource;
import org.genrekit.audio.StreamInfo;
import org.genrekit.features.dsp.ComplexAbs;
import org.genrekit.features.dsp.FrameMatrix;
import org.genrekit.features.dsp.FrameStream;
import org.genrekit.features.dsp.OverlapAdd;
import org.genrekit.features.rhythm.OnsetStrength;
import org.genrekit.features.spectral.ChromaFilterBank;
import org.genrekit.features.spectral.MeanVar;
import org.genrekit.features.spectral.PowerToDb;
import org.genrekit.features.spectral.TuningEstimator;

/**
 * gtzan58 of a signal of any length in bounded memory, equal to {@link Gtzan58#extractWhole} up
 * to the rounding of the variances (~1e-12 relative; every mean is the same sum). Two passes over
 * the signal, which is never held whole:
 * <ol>
 *   <li>power frames only: the tuning's pitch peaks (6 bytes each, a few dozen per frame) and the
 *       largest log-mel value (power_to_db's top_db floor is relative to the whole matrix);</li>
 *   <li>the complex STFT in chunks of {@code chunk} frames, each with 15 frames of context on either
 *       side (HPSS's time-direction median is 31 frames wide), so that every mask value is exact;
 *       the masked inverse STFT is overlap-added across chunks in frame order; statistics merge per
 *       chunk, and the onset envelope (one float per frame) is kept whole for the tempo.</li>
 * </ol>
 * Memory: about 50 MB of chunk buffers for 1024-frame chunks, plus 4 bytes per frame for the onset
 * envelope and 6 bytes per pitch peak: ~12 MB and ~40-120 MB for 3 hours.
 */
final class Gtzan58Stream {
    private final Gtzan58 g;
    private final int chunk;
    private final int bins;
    private final int nMels;
    private final PowerToDb toDb = PowerToDb.defaults();

    Gtzan58Stream(Gtzan58 g, int chunk) {
        int ctx = g.hpss.context();
        if (chunk < 2 * ctx + 1) throw new IllegalArgumentException("chunks of " + chunk + " frames are shorter than HPSS's context of " + ctx + " frames on either side");
        this.g = g;
        this.chunk = chunk;
        this.bins = g.stft.bins();
        this.nMels = g.mel.bank().nMels();
    }

    double[] extract(SignalSource source) throws AudioDecodeException {
        if (source.sampleRate() != Gtzan58.SAMPLE_RATE) {
            throw new IllegalArgumentException("signal is at " + source.sampleRate() + " Hz, this feature is configured for sr=" + Gtzan58.SAMPLE_RATE);
        }
        Scan scan = new Scan();
        long n = source.stream(scan).length();
        int frames = scan.frames.end();
        if (n < 1) throw new IllegalArgumentException("signal is empty");
        Pass pass = new Pass(n, frames, scan.peaks.tuning(), scan.top);
        StreamInfo second = source.stream(pass);
        if (second.length() != n) {
            throw new IllegalStateException(name(source) + " gave " + n + " samples, then " + second.length() + " on a second pass");
        }
        return pass.finish();
    }

    private static String name(SignalSource s) {
        return s.file() == null ? "the signal" : s.file().toString();
    }

    /** Pass 1: power frames; the tuning's peaks and the top log-mel value. */
    private final class Scan implements SampleSink {
        final FrameStream frames = new FrameStream(g.stft.nFft(), g.stft.hopLength(), this::frame);
        final TuningEstimator.Peaks peaks = g.chroma.tuningEstimator().peaks();
        final TuningEstimator estimator = g.chroma.tuningEstimator();
        final double[] work = g.stft.newWork();
        final float[] re = new float[bins];
        final float[] im = new float[bins];
        final float[] power = new float[bins];
        final float[] mel = new float[nMels];
        float top = Float.NEGATIVE_INFINITY;

        @Override
        public void accept(float[] samples, int offset, int count) {
            frames.accept(samples, offset, count);
        }

        private void frame(int t, float[] s, int off, int realFrom, int realTo) {
            g.stft.transformFrame(s, off, work);
            g.stft.unpackComplex(work, re, im, 0);
            for (int k = 0; k < bins; k++) power[k] = ComplexAbs.power(re[k], im[k]);
            estimator.collect(power, 0, peaks);
            g.mel.bank().applyFrame(power, 0, mel, 0);
            for (int b = 0; b < nMels; b++) {
                float db = toDb.db(mel[b]);
                if (db > top) top = db;
            }
        }
    }

    /** Pass 2: everything, chunk by chunk. */
    private final class Pass implements SampleSink {
        private final long n;
        private final int total;
        private final float top;
        private final ChromaFilterBank bank;
        private final int ctx = g.hpss.context();
        private final FrameStream frames = new FrameStream(g.stft.nFft(), g.stft.hopLength(), this::frame);
        private final OverlapAdd harmonic;
        private final OnsetStrength.Envelope envelope;
        private final double[] work = g.stft.newWork();
        /** Complex frames [w0, w0 + held) and their waveform features. */
        private final float[] re;
        private final float[] im;
        private final double[] rms;
        private final double[] zcr;
        private int w0;
        private int held;
        /** The chunk of output frames [a, b). */
        private int a;
        private int b;
        private final SampleHistory history = new SampleHistory();
        private final MeanVar chroma = new MeanVar(), rmsStats = new MeanVar(), centroid = new MeanVar(), bandwidth = new MeanVar(),
                rolloff = new MeanVar(), zcrStats = new MeanVar(), harm = new MeanVar(), perc = new MeanVar();
        private final MeanVar[] mfcc = new MeanVar[20];
        private float[] percBuf = new float[1 << 12];

        Pass(long n, int total, double tuning, float top) {
            this.n = n;
            this.total = total;
            this.top = top;
            this.bank = g.chroma.bank(tuning);
            int capacity = chunk + 2 * ctx;
            re = new float[capacity * bins];
            im = new float[capacity * bins];
            rms = new double[capacity];
            zcr = new double[capacity];
            b = Math.min(total, chunk);
            harmonic = new OverlapAdd(g.stft, total, n, this::harmonicSamples);
            envelope = g.onset.envelope(nMels);
            for (int k = 0; k < mfcc.length; k++) mfcc[k] = new MeanVar();
        }

        @Override
        public void accept(float[] samples, int offset, int count) {
            history.append(samples, offset, count);
            frames.accept(samples, offset, count);
        }

        private void frame(int t, float[] s, int off, int realFrom, int realTo) {
            int slot = t - w0;
            g.stft.transformFrame(s, off, work);
            g.stft.unpackComplex(work, re, im, slot * bins);
            rms[slot] = g.rms.frame(s, off);
            zcr[slot] = g.zcr.frame(s, off, realFrom, realTo);
            held = slot + 1;
            if (t == Math.min(total, b + ctx) - 1) process();
        }

        /** The chunk [a, b) with its context [w0, w0 + held). */
        private void process() {
            int wn = held;
            float[] power = new float[wn * bins];
            float[] mag = new float[wn * bins];
            for (int i = 0; i < power.length; i++) {
                mag[i] = ComplexAbs.abs(re[i], im[i]);
                power[i] = mag[i] * mag[i];
            }
            float[] mask = g.hpss.harmonicMask(new FrameMatrix(bins, wn, mag));
            int from = a - w0;
            int count = b - a;
            FrameMatrix p = new FrameMatrix(bins, count, Arrays.copyOfRange(power, from * bins, (from + count) * bins));
            FrameMatrix m = new FrameMatrix(bins, count, Arrays.copyOfRange(mag, from * bins, (from + count) * bins));
            float[] c = g.chroma.fromPower(p, bank).data();
            chroma.add(c, 0, c.length);
            rmsStats.add(rms, from, count);
            double[] cent = g.centroid.fromMagnitude(m);
            centroid.add(cent, 0, count);
            bandwidth.add(g.bandwidth.fromMagnitude(m, cent), 0, count);
            rolloff.add(g.rolloff.fromMagnitude(m), 0, count);
            zcrStats.add(zcr, from, count);
            FrameMatrix melDb = g.mel.fromSpectrogram(p);
            toDb.applyInPlace(melDb.data(), 0, melDb.data().length, top);
            for (int t = 0; t < count; t++) envelope.add(melDb.data(), t * nMels);
            FrameMatrix coefficients = g.mfcc.fromDb(melDb);
            for (int k = 0; k < mfcc.length; k++) {
                float[] row = coefficients.row(k);
                mfcc[k].add(row, 0, row.length);
            }
            for (int t = a; t < b; t++) harmonic.add(t, re, im, (t - w0) * bins, mask, (t - w0) * bins);
            // The next chunk's context starts ctx frames before its first frame.
            int keep = Math.max(0, b - ctx) - w0;
            int rest = held - keep;
            System.arraycopy(re, keep * bins, re, 0, rest * bins);
            System.arraycopy(im, keep * bins, im, 0, rest * bins);
            System.arraycopy(rms, keep, rms, 0, rest);
            System.arraycopy(zcr, keep, zcr, 0, rest);
            w0 += keep;
            held = rest;
            a = b;
            b = Math.min(total, a + chunk);
        }

        /** The harmonic signal as it is complete; the percussive one is the signal minus it. */
        private void harmonicSamples(float[] h, int off, int count) {
            if (percBuf.length < count) percBuf = new float[count];
            long at = history.consumed();
            for (int k = 0; k < count; k++) percBuf[k] = history.get(at + k) - h[off + k];
            history.consume(count);
            harm.add(h, off, count);
            perc.add(percBuf, 0, count);
        }

        double[] finish() {
            int f = frames.end();
            if (f != total) throw new IllegalStateException("the second pass gave " + f + " frames, the first " + total);
            if (harmonic.finish() != n) throw new IllegalStateException("the harmonic signal is not " + n + " samples long");
            double[] out = new double[Gtzan58.COLUMN_COUNT];
            int i = 0;
            out[i++] = n;
            for (MeanVar s : new MeanVar[] {chroma, rmsStats, centroid, bandwidth, rolloff, zcrStats, harm, perc}) {
                out[i++] = s.mean();
                out[i++] = s.var();
            }
            out[i++] = g.tempo.fromOnsetEnvelope(envelope.finish());
            for (MeanVar s : mfcc) {
                out[i++] = s.mean();
                out[i++] = s.var();
            }
            return out;
        }
    }

    /** The signal's samples from the oldest one still needed, by absolute index. */
    private static final class SampleHistory {
        private float[] buf = new float[1 << 16];
        /** Absolute index of buf[start]. */
        private long base;
        private int start;
        private int end;

        void append(float[] x, int off, int n) {
            if (end + n > buf.length) {
                // Drop what was consumed first; grow only when the live samples need it.
                System.arraycopy(buf, start, buf, 0, end - start);
                end -= start;
                start = 0;
                if (end + n > buf.length) buf = Arrays.copyOf(buf, Math.max(end + n, 2 * buf.length));
            }
            System.arraycopy(x, off, buf, end, n);
            end += n;
        }

        float get(long i) {
            return buf[start + (int) (i - base)];
        }

        long consumed() {
            return base;
        }

        void consume(int n) {
            start += n;
            base += n;
        }
    }
}
