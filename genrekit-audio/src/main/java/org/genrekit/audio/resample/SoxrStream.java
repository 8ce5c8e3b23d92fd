package org.genrekit.audio.resample;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_FLOAT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import org.genrekit.audio.SampleSink;

/**
 * libsoxr's streaming interface (soxr_create / soxr_process / soxr_delete) with the HQ recipe that
 * {@link SoxrLibrary#resample} uses in one shot. Fed block by block, it gives exactly the one-shot
 * samples (soxr's stages work on their own block boundaries, not the caller's): checked by
 * {@code ResamplerTest}. Not thread-safe; close it to free the native state.
 */
final class SoxrStream implements AutoCloseable {
    private static final int BLOCK = 1 << 14;

    private final Arena arena = Arena.ofConfined();
    private final MemorySegment soxr;
    private final MemorySegment in = arena.allocate(JAVA_FLOAT, BLOCK);
    private final MemorySegment out;
    private final int outCapacity;
    private final MemorySegment idone = arena.allocate(JAVA_LONG);
    private final MemorySegment odone = arena.allocate(JAVA_LONG);
    private final float[] outBuf;

    SoxrStream(int fromRate, int toRate) {
        try {
            MemorySegment err = arena.allocate(ADDRESS);
            soxr = (MemorySegment) SoxrLibrary.CREATE.invokeExact((double) fromRate, (double) toRate, 1, err,
                    SoxrLibrary.floatIo(arena), SoxrLibrary.hqQuality(arena), MemorySegment.NULL);
            if (soxr.equals(MemorySegment.NULL)) {
                throw new IllegalStateException("soxr_create failed: " + err.get(ADDRESS, 0).reinterpret(256).getString(0));
            }
        } catch (RuntimeException | Error e) {
            arena.close();
            throw e;
        } catch (Throwable t) {
            arena.close();
            throw new IllegalStateException("soxr_create call failed", t);
        }
        outCapacity = (int) Math.ceil(BLOCK * (double) toRate / fromRate) + 1024;
        out = arena.allocate(JAVA_FLOAT, outCapacity);
        outBuf = new float[outCapacity];
    }

    /** Resamples {@code n} samples of {@code x} from {@code off}; what soxr outputs goes to {@code sink}. */
    void process(float[] x, int off, int n, SampleSink sink) {
        for (int done = 0; done < n; ) {
            int len = Math.min(BLOCK, n - done);
            MemorySegment.copy(x, off + done, in, JAVA_FLOAT, 0, len);
            for (int used = 0; used < len; ) {
                used += (int) call(in.asSlice(4L * used), len - used, idone);
                emit(sink);
            }
            done += len;
        }
    }

    /** Ends the input: soxr's delayed output goes to {@code sink}. */
    void flush(SampleSink sink) {
        while (true) {
            call(MemorySegment.NULL, 0, MemorySegment.NULL);
            if (emit(sink) == 0) return;
        }
    }

    private long call(MemorySegment input, long len, MemorySegment inputDone) {
        try {
            MemorySegment err = (MemorySegment) SoxrLibrary.PROCESS.invokeExact(soxr, input, len, inputDone, out, (long) outCapacity, odone);
            if (!err.equals(MemorySegment.NULL)) {
                throw new IllegalStateException("soxr_process failed: " + err.reinterpret(256).getString(0));
            }
            return inputDone.equals(MemorySegment.NULL) ? 0 : inputDone.get(JAVA_LONG, 0);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("soxr_process call failed", t);
        }
    }

    private int emit(SampleSink sink) {
        int n = (int) odone.get(JAVA_LONG, 0);
        if (n > 0) {
            MemorySegment.copy(out, JAVA_FLOAT, 0, outBuf, 0, n);
            sink.accept(outBuf, 0, n);
        }
        return n;
    }

    @Override
    public void close() {
        try {
            SoxrLibrary.DELETE.invokeExact(soxr);
        } catch (Throwable t) {
            // freeing failed: nothing more to do
        } finally {
            arena.close();
        }
    }
}
