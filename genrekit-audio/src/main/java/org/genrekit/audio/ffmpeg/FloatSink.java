package org.genrekit.audio.ffmpeg;

import java.util.Arrays;

/** A growable primitive float buffer for the decoded mono samples of the window. */
final class FloatSink extends MonoSink {
    private final long keepLimit;
    private float[] data;
    private int size;

    /**
     * @param initialCapacity frames of the first buffer (a hint: the buffer grows from what is offered)
     * @param keepLimit       the buffer never grows past this many frames (the window or the length limit)
     */
    FloatSink(long startFrame, long frameCount, int initialCapacity, long keepLimit) {
        super(startFrame, frameCount);
        this.keepLimit = Math.max(1024, Math.min(keepLimit, MAX_ARRAY));
        this.data = new float[(int) Math.min(this.keepLimit, Math.max(1024, initialCapacity))];
    }

    /** Returns false when the window would outgrow the largest Java array (nothing is stored then). */
    @Override
    boolean store(float[] src, int at, int count) {
        if (!ensure(count)) return false;
        System.arraycopy(src, at, data, size, count);
        size += count;
        return true;
    }

    @Override
    long size() {
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
