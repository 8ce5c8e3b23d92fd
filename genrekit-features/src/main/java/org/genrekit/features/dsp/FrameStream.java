package org.genrekit.features.dsp;

import java.util.Arrays;
import org.genrekit.audio.SampleSink;

/**
 * Cuts a signal that arrives block by block into the centred frames librosa analyses ({@code
 * center=True}: {@code n_fft / 2} zeros before the first sample and after the last), and hands each
 * frame on as soon as its samples are in: frame {@code t} covers samples
 * {@code [t hop - n_fft/2, t hop + n_fft/2)}, zero outside the signal. A signal of {@code n}
 * samples gives {@code 1 + n / hop} frames, as {@link Stft#frameCount}. Holds one frame and one
 * block of samples. Not thread-safe.
 */
public final class FrameStream implements SampleSink {
    /** Receives frame {@code t}: {@code nFft} samples from {@code samples[offset]}; only {@code [realFrom, realTo)} are signal, the rest padding. */
    @FunctionalInterface
    public interface FrameSink {
        void frame(int t, float[] samples, int offset, int realFrom, int realTo);
    }

    private final int nFft;
    private final int hop;
    private final FrameSink sink;
    /** Padded samples from padded index {@code base}. */
    private float[] buf;
    private long base;
    private int len;
    private long received;
    private int next;
    private boolean ended;

    public FrameStream(int nFft, int hop, FrameSink sink) {
        this.nFft = Params.positive("n_fft", nFft);
        this.hop = Params.positive("hop_length", hop);
        this.sink = sink;
        this.buf = new float[Math.max(2 * nFft, 1 << 14)];
        this.len = nFft / 2; // the leading padding
    }

    @Override
    public void accept(float[] samples, int offset, int count) {
        if (ended) throw new IllegalStateException("the signal has ended");
        for (int done = 0; done < count; ) {
            int n = Math.min(count - done, 1 << 14);
            append(samples, offset + done, n);
            received += n;
            done += n;
            emit(Long.MAX_VALUE);
        }
    }

    /** Ends the signal: the last frames (padded with zeros) are handed on. Returns the frame count. */
    public int end() {
        if (!ended) {
            ended = true;
            append(new float[nFft / 2 + 1], 0, nFft / 2);
            if (received + 2L * (nFft / 2) < nFft) {
                throw new IllegalArgumentException("n_fft=" + nFft + " is too large for input signal of length=" + received);
            }
            emit(received / hop);
        }
        return next;
    }

    /** Samples received so far. */
    public long received() {
        return received;
    }

    private void emit(long lastFrame) {
        long realEnd = ended ? nFft / 2 + received : Long.MAX_VALUE;
        while (next <= lastFrame) {
            long start = (long) next * hop;
            if (start + nFft > base + len) return;
            int off = (int) (start - base);
            int realFrom = (int) Math.max(0, nFft / 2 - start);
            int realTo = (int) Math.min(nFft, realEnd - start);
            sink.frame(next, buf, off, realFrom, realTo);
            next++;
        }
    }

    private void append(float[] x, int off, int n) {
        long keepFrom = (long) next * hop;
        int drop = (int) Math.max(0, keepFrom - base);
        if (len + n > buf.length) {
            if (drop > 0) {
                System.arraycopy(buf, drop, buf, 0, len - drop);
                base += drop;
                len -= drop;
            }
            if (len + n > buf.length) buf = Arrays.copyOf(buf, Math.max(len + n, 2 * buf.length));
        }
        System.arraycopy(x, off, buf, len, n);
        len += n;
    }
}
