package org.genrekit.features.dsp;

import java.util.Arrays;
import org.genrekit.audio.SampleSink;

/**
 * {@link Stft#inverse(ComplexSpectrogram, float[], int)} for a spectrogram that arrives a few
 * frames at a time: each masked frame is inverted and overlap-added as there, in order, and every
 * output sample is passed on as soon as no later frame can touch it, divided by the summed squared
 * window of all {@code frames} frames. Sample for sample the same output, holding one frame's span.
 * Needs the total frame count and output length up front (a first pass over the signal gives them).
 * Not thread-safe.
 */
public final class OverlapAdd {
    private static final double TINY = Float.MIN_NORMAL;

    private final Stft stft;
    private final int frames;
    private final long length;
    private final int offset;
    private final SampleSink out;
    private final double[] work;
    /** Padded samples from padded index {@code accBase}. */
    private float[] acc;
    private long accBase;
    private int next;
    private long emitted;
    private float[] outBuf = new float[1 << 12];

    public OverlapAdd(Stft stft, int frames, long length, SampleSink out) {
        if (!stft.center()) throw new IllegalArgumentException("streamed inverse STFT needs center=True");
        this.stft = stft;
        this.frames = frames;
        this.length = length;
        this.offset = stft.nFft() / 2;
        this.out = out;
        this.work = stft.newWork();
        this.acc = new float[4 * stft.nFft()];
    }

    /** Adds frame {@code t} (the next one) of {@code re, im} at {@code base}, masked by {@code mask} at {@code maskBase} (null: none). */
    public void add(int t, float[] re, float[] im, int base, float[] mask, int maskBase) {
        if (t != next) throw new IllegalArgumentException("frame " + t + " arrived, expected " + next);
        int hop = stft.hopLength();
        long start = (long) t * hop;
        int at = (int) (start - accBase);
        if (at + stft.nFft() > acc.length) acc = Arrays.copyOf(acc, Math.max(at + stft.nFft(), 2 * acc.length));
        stft.inverseFrame(re, im, base, mask, maskBase, work);
        stft.overlapAdd(work, acc, at);
        next++;
        // No frame after t starts before (t + 1) hop: the samples before it are final.
        drain(next == frames ? Long.MAX_VALUE : (long) next * hop);
    }

    /** Passes on the remaining samples once every frame is in; returns the output length. */
    public long finish() {
        if (next != frames) throw new IllegalStateException(next + " of " + frames + " frames were added");
        drain(Long.MAX_VALUE);
        return emitted;
    }

    /** Passes on output samples whose padded index is below {@code finalBefore}. */
    private void drain(long finalBefore) {
        long total = stft.nFft() + (long) stft.hopLength() * (frames - 1);
        long upTo = Math.min(length, finalBefore - offset);
        while (emitted < upTo) {
            int n = (int) Math.min(outBuf.length, upTo - emitted);
            for (int k = 0; k < n; k++) {
                long j = emitted + k + offset;
                if (j >= total) {
                    outBuf[k] = 0f;
                    continue;
                }
                float v = acc[(int) (j - accBase)];
                double wsum = stft.windowSumSquareAt(j, frames);
                outBuf[k] = (float) (wsum > TINY ? v / wsum : v);
            }
            out.accept(outBuf, 0, n);
            emitted += n;
        }
        // Drop what was passed on.
        long keepFrom = emitted + offset;
        int drop = (int) Math.min(Math.max(0, keepFrom - accBase), acc.length);
        if (drop > acc.length / 2) {
            System.arraycopy(acc, drop, acc, 0, acc.length - drop);
            Arrays.fill(acc, acc.length - drop, acc.length, 0f);
            accBase += drop;
        }
    }
}
