package org.genrekit.audio.ffmpeg;

import java.util.Arrays;

/**
 * A growable primitive float buffer for decoded mono samples that also applies librosa's
 * offset/duration window (in frames at the native rate), so that samples outside it are never stored.
 */
final class FloatSink {
    private final long startFrame;
    private final long endFrame; // exclusive; Long.MAX_VALUE when the window is open-ended
    private float[] data;
    private int size;
    private long seen; // frames offered so far, inside the window or not

    FloatSink(long startFrame, long frameCount, int initialCapacity) {
        this.startFrame = startFrame;
        this.endFrame = frameCount < 0 ? Long.MAX_VALUE : startFrame + frameCount;
        this.data = new float[Math.max(1024, initialCapacity)];
    }

    /** Offers {@code n} mono frames from {@code src}; keeps only those inside the window. */
    void offer(float[] src, int n) {
        long from = Math.max(seen, startFrame);
        long to = Math.min(seen + n, endFrame);
        if (to > from) {
            int count = (int) (to - from);
            ensure(count);
            System.arraycopy(src, (int) (from - seen), data, size, count);
            size += count;
        }
        seen += n;
    }

    /** True once every frame of the window has been seen: decoding can stop. */
    boolean full() {
        return seen >= endFrame;
    }

    long framesSeen() {
        return seen;
    }

    float[] toArray() {
        return size == data.length ? data : Arrays.copyOf(data, size);
    }

    private void ensure(int extra) {
        if (size + extra > data.length) {
            long want = Math.max((long) size + extra, (long) data.length * 3 / 2);
            if (want > Integer.MAX_VALUE - 16) {
                throw new IllegalStateException("decoded signal exceeds the largest Java array");
            }
            data = Arrays.copyOf(data, (int) want);
        }
    }
}
