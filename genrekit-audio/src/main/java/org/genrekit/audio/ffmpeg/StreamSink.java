package org.genrekit.audio.ffmpeg;

import org.genrekit.audio.SampleSink;

/**
 * A {@link MonoSink} that keeps nothing but the last {@link #HOLD} frames of the window and passes
 * the others on at once: whether the coder's end padding is trimmed is only known at the end of
 * the file, so the frames it might cover wait until {@link #finish}.
 */
final class StreamSink extends MonoSink {
    /** More than the end padding the decoder may trim (about two codec frames). */
    static final int HOLD = 4096;

    private final SampleSink out;
    private final float[] held = new float[HOLD];
    private int heldCount;
    private long passed;

    StreamSink(long startFrame, long frameCount, SampleSink out) {
        super(startFrame, frameCount);
        this.out = out;
    }

    @Override
    boolean store(float[] src, int at, int count) {
        // Whatever would push the held frames past HOLD goes on now, oldest first.
        int overflow = heldCount + count - HOLD;
        if (overflow > 0) {
            int fromHeld = Math.min(overflow, heldCount);
            if (fromHeld > 0) {
                out.accept(held, 0, fromHeld);
                System.arraycopy(held, fromHeld, held, 0, heldCount - fromHeld);
                heldCount -= fromHeld;
            }
            int direct = overflow - fromHeld;
            if (direct > 0) {
                out.accept(src, at, direct);
                at += direct;
                count -= direct;
            }
            passed += overflow;
        }
        System.arraycopy(src, at, held, heldCount, count);
        heldCount += count;
        return true;
    }

    /** Frames of the window received (passed on or held). */
    @Override
    long size() {
        return passed + heldCount;
    }

    /** Passes on the held frames up to a total of {@code keep} (the rest was end padding). */
    void finish(long keep) {
        int n = (int) Math.max(0, Math.min(heldCount, keep - passed));
        if (n > 0) out.accept(held, 0, n);
        passed += n;
        heldCount = 0;
    }
}
