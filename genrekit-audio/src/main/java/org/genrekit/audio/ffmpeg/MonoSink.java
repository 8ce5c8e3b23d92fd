package org.genrekit.audio.ffmpeg;

/**
 * Where a decoder puts native-rate mono frames: it keeps librosa's offset/duration window of them
 * (in frames at the native rate) and hands each part inside it to {@link #store}, so samples
 * outside the window are never kept. Subclasses decide what keeping means (a buffer, a stream).
 */
abstract class MonoSink {
    private final long startFrame;
    private final long endFrame; // exclusive; Long.MAX_VALUE when the window is open-ended
    private long seen; // frames offered so far, inside the window or not

    MonoSink(long startFrame, long frameCount) {
        this.startFrame = startFrame;
        this.endFrame = frameCount < 0 ? Long.MAX_VALUE : startFrame + frameCount;
    }

    /**
     * Offers {@code n} mono frames from {@code src}; keeps only those inside the window.
     *
     * @return false when they cannot be kept (a buffer would outgrow the largest Java array)
     */
    final boolean offer(float[] src, int n) {
        long from = Math.max(seen, startFrame);
        long to = Math.min(seen + n, endFrame);
        if (to > from && !store(src, (int) (from - seen), (int) (to - from))) return false;
        seen += n;
        return true;
    }

    /** Keeps {@code count} frames of the window from {@code src[at]}; false when they cannot be kept. */
    abstract boolean store(float[] src, int at, int count);

    /** True once every frame of the window has been seen: decoding can stop. */
    final boolean full() {
        return seen >= endFrame;
    }

    /** Frames offered so far, inside the window or not. */
    final long framesSeen() {
        return seen;
    }

    /** Frames of the window kept so far. */
    abstract long size();
}
