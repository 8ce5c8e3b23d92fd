package org.genrekit.features.cqt;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.genrekit.audio.Resampler;
import org.genrekit.audio.SampleSink;
import org.genrekit.audio.resample.StreamingResampler;

/**
 * {@link Cqt#magnitude} of a signal that arrives block by block, column for column the same
 * values: the early decimation and each octave's halving are streamed through soxr (whose streamed
 * output equals its one-shot output), each octave's frames are computed as their samples arrive
 * ({@link OctaveStream}), and a column is handed on once every octave has its frame. Holds a frame
 * span per octave and the frames of the fast octaves that wait for the slow ones (a second or so).
 * The signal's length must be known up front. Not thread-safe; {@link #close()} frees soxr's state.
 */
public final class CqtStream implements SampleSink, AutoCloseable {
    /** Receives column {@code t} of |CQT| ({@code nBins} values, lowest bin first; the array is reused). */
    @FunctionalInterface
    public interface ColumnSink {
        void column(int t, float[] magnitudes);
    }

    private final CqtPlan plan;
    private final ColumnSink out;
    private final int nBins;
    private final List<OctaveStream> octaves = new ArrayList<>();
    private final List<StreamingResampler> resamplers = new ArrayList<>();
    /** The resampler feeding octave i, or null when it reads the previous octave's signal (or the input) as it is. */
    private final List<StreamingResampler> feeding = new ArrayList<>();
    private final int[] firstRow;
    private final List<ArrayDeque<double[][]>> pending = new ArrayList<>();
    private final float[] column;
    private final SampleSink input;
    private final StreamingResampler early;
    private int nextColumn;

    public CqtStream(Cqt cqt, int sampleRate, double tuning, long n, ColumnSink out) {
        if (!Double.isFinite(tuning)) throw new IllegalArgumentException("tuning=" + tuning + " must be finite");
        this.plan = CqtPlan.of(sampleRate, cqt.params(), tuning);
        this.out = out;
        this.nBins = cqt.params().nBins();
        this.column = new float[nBins];
        int nOct = plan.octaves.size();
        this.firstRow = new int[nOct];
        long length = n;
        if (plan.earlyFactor > 1) {
            if (n < plan.earlyFactor) {
                throw new IllegalArgumentException("Input signal length=" + n + " is too short for " + cqt.params().octaves() + "-octave CQT");
            }
            length = Resampler.outputLength(n, plan.earlyFactor, 1);
        }
        int end = nBins;
        long[] lengths = new long[nOct];
        boolean[] halvedBefore = new boolean[nOct];
        for (int i = 0; i < nOct; i++) {
            CqtPlan.Octave oct = plan.octaves.get(i);
            lengths[i] = length;
            int rows = oct.basis().rows();
            firstRow[i] = end - rows;
            end -= rows;
            if (oct.halveAfter() && end > 0) {
                length = Resampler.outputLength(length, 2, 1);
                if (i + 1 < nOct) halvedBefore[i + 1] = true;
            }
        }
        // Build from the last octave up, so that each stage can hand its samples to the next.
        SampleSink next = null;
        StreamingResampler[] feed = new StreamingResampler[nOct];
        for (int i = nOct - 1; i >= 0; i--) {
            int index = i;
            CqtPlan.Octave oct = plan.octaves.get(i);
            OctaveStream os = new OctaveStream(oct.basis(), oct.hop(), lengths[i], (t, re, im) -> frame(index, re, im));
            octaves.add(0, os);
            pending.add(0, new ArrayDeque<>());
            SampleSink downstream = next;
            SampleSink stage = downstream == null ? os : (x, off, c) -> {
                os.accept(x, off, c);
                downstream.accept(x, off, c);
            };
            if (halvedBefore[i]) {
                feed[i] = new StreamingResampler(2, 1, scaled(2, stage));
                resamplers.add(feed[i]);
                next = feed[i];
            } else {
                next = stage;
            }
        }
        for (StreamingResampler r : feed) feeding.add(r);
        if (plan.earlyFactor > 1) {
            early = new StreamingResampler(plan.earlyFactor, 1, scaled(plan.earlyFactor, next));
            resamplers.add(early);
            input = early;
        } else {
            early = null;
            input = next;
        }
    }

    /** How many columns the whole signal gives (the shortest octave's frame count, as {@link Cqt#magnitude}). */
    public int columns() {
        int m = Integer.MAX_VALUE;
        for (OctaveStream o : octaves) m = Math.min(m, o.frames());
        return m;
    }

    /** Decimation's gain: the samples times sqrt(factor), in float as {@link Decimation} does. */
    private static SampleSink scaled(int factor, SampleSink next) {
        float g = (float) Math.sqrt(factor);
        float[][] scratch = {new float[1 << 12]};
        return (x, off, c) -> {
            if (scratch[0].length < c) scratch[0] = new float[c];
            float[] s = scratch[0];
            for (int i = 0; i < c; i++) s[i] = x[off + i] * g;
            next.accept(s, 0, c);
        };
    }

    @Override
    public void accept(float[] samples, int offset, int count) {
        input.accept(samples, offset, count);
    }

    /** Ends the signal: every stage is flushed in order and the last columns are handed on. Returns the column count. */
    public int finish() {
        if (early != null) early.finish();
        for (int i = 0; i < octaves.size(); i++) {
            if (feeding.get(i) != null) feeding.get(i).finish();
            octaves.get(i).finish();
        }
        return nextColumn;
    }

    private void frame(int octave, double[] re, double[] im) {
        pending.get(octave).add(new double[][] {re.clone(), im.clone()});
        while (true) {
            for (ArrayDeque<double[][]> q : pending) if (q.isEmpty()) return;
            for (int i = 0; i < octaves.size(); i++) {
                double[][] f = pending.get(i).poll();
                for (int r = 0; r < f[0].length; r++) {
                    int k = firstRow[i] + r;
                    column[k] = (float) (Math.hypot(f[0][r], f[1][r]) * plan.binScale[k]);
                }
            }
            out.column(nextColumn++, column);
        }
    }

    @Override
    public void close() {
        for (StreamingResampler r : resamplers) r.close();
    }
}
