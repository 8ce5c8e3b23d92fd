package org.genrekit.audio.ffmpeg;

import java.util.Arrays;

/**
 * A growable primitive float buffer for decoded mono samples that also applies librosa's
 * offset/duration window (in frames at the native rate), so that samples outside it are never stored.
 */
final class FloatSink implements MonoSink {
    private final long startFrame;
    private final long endFrame; // exclusive; Long.MAX_VALUE when the window is open-ended
    private final long keepLimit;
    private float[] data;
    private int size;
    private long seen; // frames offered so far, inside the window or not

    /**
     * @param initialCapacity frames of the first buffer (a hint: the buffer grows from what is offered)
     * @param keepLimit       the buffer never grows past this many frames (the window or the length limit)
     */
    FloatSink(long startFrame, long frameCount, int initialCapacity, long keepLimit) {
        this.startFrame = startFrame;
        this.endFrame = frameCount < 0 ? Long.MAX_VALUE : startFrame + frameCount;
        this.keepLimit = Math.max(1024, Math.min(keepLimit, MAX_ARRAY));
        this.data = new float[(int) Math.min(this.keepLimit, Math.max(1024, initialCapacity))];
    }

    /** Returns false when the window would outgrow the largest Java array (nothing is stored then). */
    @Override
    public boolean offer(float[] src, int n) {
        long from = Math.max(seen, startFrame);
        long to = Math.min(seen + n, endFrame);
        if (to > from) {
            int count = (int) (to - from);
            if (!ensure(count)) {
                return false;
            }
            System.arraycopy(src, (int) (from - seen), data, size, count);
            size += count;
        }
        seen += n;
        return true;
    }

    @Override
    public boolean full() {
        return seen >= endFrame;
    }

    @Override
    public long framesSeen() {
        return seen;
    }

    @Override
    public long size() {
        return size;
    }

    float[] toArray() {
        return size == data.length ? data : Arrays.copyOf(data, size);
    }

    private boolean ensure(int extra) {
        if (size + extra > data.length) {
            long need = (long) size + extra;
            if (need > MAX_ARRAY) {
                return false;
            }
            long grown = Math.max(need, Math.min(keepLimit, (long) data.length * 3 / 2));
            data = Arrays.copyOf(data, (int) Math.min(MAX_ARRAY, grown));
        }
        return true;
    }

    private static final int MAX_ARRAY = Integer.MAX_VALUE - 16;
}
