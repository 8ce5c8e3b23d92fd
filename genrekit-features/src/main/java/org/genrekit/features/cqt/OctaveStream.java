package org.genrekit.features.cqt;

import java.util.Arrays;
import org.genrekit.audio.SampleSink;
import org.jtransforms.fft.DoubleFFT_1D;

/**
 * {@link OctaveResponse#compute} for an octave signal that arrives block by block, frame for frame
 * the same arithmetic (full FFT frames, or the sliding DFT re-anchored every
 * {@link OctaveResponse#ANCHOR} frames, from frame 0): each frame is computed once its samples are
 * in, and handed to a {@link FrameSink}. Holds one frame span of samples. The signal's length must
 * be known up front (it fixes the frame count and where zero padding starts). Not thread-safe.
 */
final class OctaveStream implements SampleSink {
    /** Receives the basis rows' responses of frame {@code t} ({@code re[r], im[r]}; arrays reused). */
    interface FrameSink {
        void frame(int t, double[] re, double[] im);
    }

    private final SparseBasis b;
    private final int hop;
    private final int nFft;
    private final int half;
    private final long n;
    private final int frames;
    private final FrameSink sink;
    private final int[] used;
    private final boolean sliding;
    private final DoubleFFT_1D fft;
    private final double[] buf;
    private final double[] specRe;
    private final double[] specIm;
    private final double[] outRe;
    private final double[] outIm;
    // sliding DFT state
    private double[] twRe;
    private double[] twIm;
    private double[] rotRe;
    private double[] rotIm;
    private double[] dRe;
    private double[] dIm;
    private double[] delta;
    /** Samples from absolute index {@code base}. */
    private float[] window;
    private long base;
    private int len;
    private long received;
    private int next;

    OctaveStream(SparseBasis b, int hop, long n, FrameSink sink) {
        this.b = b;
        this.hop = hop;
        this.nFft = b.nFft();
        this.half = nFft / 2;
        this.n = n;
        this.frames = (int) (1 + (n + 2L * half - nFft) / hop);
        this.sink = sink;
        this.used = OctaveResponse.usedBins(b);
        this.sliding = OctaveResponse.slides(b, hop, used);
        this.fft = FftCache.get(nFft);
        this.buf = new double[nFft];
        this.specRe = new double[half + 1];
        this.specIm = new double[half + 1];
        this.outRe = new double[b.rows()];
        this.outIm = new double[b.rows()];
        this.window = new float[Math.max(4 * nFft, 1 << 12)];
        if (sliding) {
            int nu = used.length;
            twRe = new double[nu * hop];
            twIm = new double[nu * hop];
            rotRe = new double[nu];
            rotIm = new double[nu];
            OctaveResponse.twiddles(used, hop, nFft, twRe, twIm, rotRe, rotIm);
            dRe = new double[nu];
            dIm = new double[nu];
            delta = new double[hop];
        }
        this.base = 0;
    }

    int frames() {
        return frames;
    }

    @Override
    public void accept(float[] x, int off, int count) {
        if (received + count > n) throw new IllegalStateException("the octave signal is longer than the " + n + " samples announced");
        // Keep from the first sample a coming frame (or its sliding update) reads.
        long keepFrom = Math.max(0, (long) next * hop - half - hop);
        int drop = (int) Math.max(0, Math.min(keepFrom - base, len));
        if (len + count > window.length) {
            System.arraycopy(window, drop, window, 0, len - drop);
            base += drop;
            len -= drop;
            if (len + count > window.length) window = Arrays.copyOf(window, Math.max(len + count, 2 * window.length));
        }
        System.arraycopy(x, off, window, len, count);
        len += count;
        received += count;
        emit();
    }

    /** Computes the frames that need samples past the end (zeros there); call once all {@code n} samples are in. */
    void finish() {
        if (received != n) throw new IllegalStateException("the octave signal has " + received + " of " + n + " samples");
        emit();
        if (next != frames) throw new IllegalStateException("octave gave " + next + " of " + frames + " frames");
    }

    private void emit() {
        while (next < frames) {
            long end = (long) next * hop - half + nFft; // exclusive
            if (Math.min(end, n) > received) return;
            if (sliding) slideFrame(next);
            else fullFrame(next);
            sink.frame(next, outRe, outIm);
            next++;
        }
    }

    private double sample(long s) {
        return s >= 0 && s < n ? window[(int) (s - base)] : 0.0;
    }

    /** Frame t (centred, zeros outside) into buf and its real FFT in JTransforms' packed layout. */
    private void fftFrame(long start) {
        for (int j = 0; j < nFft; j++) buf[j] = sample(start + j);
        fft.realForward(buf);
    }

    private void fullFrame(int t) {
        fftFrame((long) t * hop - half);
        for (int k = 0; k <= half; k++) {
            specRe[k] = OctaveResponse.binRe(buf, k);
            specIm[k] = OctaveResponse.binIm(buf, k);
        }
        OctaveResponse.project(b, specRe, specIm, outRe, outIm);
    }

    private void slideFrame(int t) {
        int nu = used.length;
        long start = (long) t * hop - half;
        if (t % OctaveResponse.ANCHOR == 0) {
            fftFrame(start);
            for (int u = 0; u < nu; u++) {
                dRe[u] = OctaveResponse.binRe(buf, used[u]);
                dIm[u] = OctaveResponse.binIm(buf, used[u]);
            }
        } else {
            long prev = start - hop;
            for (int j = 0; j < hop; j++) delta[j] = sample(prev + nFft + j) - sample(prev + j);
            OctaveResponse.slide(dRe, dIm, delta, twRe, twIm, rotRe, rotIm, hop);
        }
        for (int u = 0; u < nu; u++) {
            specRe[used[u]] = dRe[u];
            specIm[used[u]] = dIm[u];
        }
        OctaveResponse.project(b, specRe, specIm, outRe, outIm);
    }
}
