package org.genrekit.audio.resample;

import java.util.Arrays;
import org.genrekit.audio.Resampler;
import org.genrekit.audio.SampleSink;

/**
 * {@link Resampler#resample} for a signal that arrives block by block: the output is the same,
 * sample for sample, and exactly librosa's length ({@code ceil(n * to / from)}, soxr's output
 * zero-padded or cut), yet only soxr's state and a few blocks are held. An output sample is passed
 * on once it is sure to be inside that length; the rest waits for {@link #finish}. Without libsoxr
 * the pure-Java resampler needs the whole input: it is collected, and resampled at the end.
 * Not thread-safe; {@link #close} frees soxr's native state.
 */
public final class StreamingResampler implements SampleSink, AutoCloseable {
    private final int fromRate;
    private final int toRate;
    private final SampleSink out;
    private final SoxrStream soxr;
    private long inCount;
    private long outCount;
    private float[] pending = new float[0];
    private int pendingCount;
    private float[] whole; // without libsoxr: the input so far

    public StreamingResampler(int fromRate, int toRate, SampleSink out) {
        if (fromRate <= 0 || toRate <= 0) throw new IllegalArgumentException("rates must be > 0, got " + fromRate + " -> " + toRate);
        this.fromRate = fromRate;
        this.toRate = toRate;
        this.out = out;
        this.soxr = SoxrLibrary.isAvailable() ? new SoxrStream(fromRate, toRate) : null;
        if (soxr == null) whole = new float[1 << 16];
    }

    @Override
    public void accept(float[] x, int off, int n) {
        if (n <= 0) return;
        inCount += n;
        if (soxr == null) {
            if (inCount > whole.length) whole = Arrays.copyOf(whole, (int) Math.min(Integer.MAX_VALUE - 16, Math.max(inCount, whole.length * 3L / 2)));
            System.arraycopy(x, off, whole, (int) (inCount - n), n);
            return;
        }
        soxr.process(x, off, n, this::produced);
    }

    /** soxr's output: passed on up to the length the input so far surely has; the rest waits. */
    private void produced(float[] y, int off, int n) {
        if (pendingCount + n > pending.length) pending = Arrays.copyOf(pending, Math.max(pendingCount + n, pending.length * 2));
        System.arraycopy(y, off, pending, pendingCount, n);
        pendingCount += n;
        long sure = Resampler.outputLength(inCount, fromRate, toRate);
        int pass = (int) Math.max(0, Math.min(pendingCount, sure - outCount));
        if (pass > 0) {
            out.accept(pending, 0, pass);
            outCount += pass;
            System.arraycopy(pending, pass, pending, 0, pendingCount - pass);
            pendingCount -= pass;
        }
    }

    /** Ends the input; returns the output's length, {@code ceil(n * to / from)}. */
    public long finish() {
        long total = Resampler.outputLength(inCount, fromRate, toRate);
        if (soxr == null) {
            if (inCount > 0) {
                float[] y = Resampler.resample(Arrays.copyOf(whole, (int) inCount), fromRate, toRate);
                out.accept(y, 0, y.length);
            }
            whole = null;
            return total;
        }
        soxr.flush(this::produced);
        int pass = (int) Math.max(0, Math.min(pendingCount, total - outCount));
        if (pass > 0) out.accept(pending, 0, pass);
        outCount += pass;
        float[] zeros = new float[4096];
        while (outCount < total) {
            int z = (int) Math.min(zeros.length, total - outCount);
            out.accept(zeros, 0, z);
            outCount += z;
        }
        return total;
    }

    @Override
    public void close() {
        if (soxr != null) soxr.close();
    }
}
