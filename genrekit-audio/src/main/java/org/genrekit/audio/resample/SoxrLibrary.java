package org.genrekit.audio.resample;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_FLOAT;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;

/**
 * libsoxr (the C library behind librosa's default {@code res_type='soxr_hq'}) through Java's FFM API.
 * {@code soxr_oneshot} with the HQ recipe on float32 gives exactly librosa's samples. The library is
 * optional: {@link #isAvailable()} is false when {@code libsoxr.so.0} is not installed, or when the
 * system property {@code genrekit.soxr=false} asks for the pure-Java resampler.
 */
public final class SoxrLibrary {
    private static final long SOXR_HQ = 4; // SOXR_20_BITQ: 20-bit precision, linear phase
    private static final int SOXR_FLOAT32_I = 0;

    private static final StructLayout QUALITY_SPEC = MemoryLayout.structLayout(
            JAVA_DOUBLE.withName("precision"), JAVA_DOUBLE.withName("phase_response"),
            JAVA_DOUBLE.withName("passband_end"), JAVA_DOUBLE.withName("stopband_begin"),
            ADDRESS.withName("e"), JAVA_LONG.withName("flags"));
    private static final StructLayout IO_SPEC = MemoryLayout.structLayout(
            JAVA_INT.withName("itype"), JAVA_INT.withName("otype"), JAVA_DOUBLE.withName("scale"),
            ADDRESS.withName("e"), JAVA_LONG.withName("flags"));

    private static final MethodHandle QUALITY;
    private static final MethodHandle ONESHOT;
    static final MethodHandle CREATE;
    static final MethodHandle PROCESS;
    static final MethodHandle DELETE;
    private static final String UNAVAILABLE_REASON;

    static {
        MethodHandle quality = null;
        MethodHandle oneshot = null;
        MethodHandle create = null;
        MethodHandle process = null;
        MethodHandle delete = null;
        String reason = null;
        if ("false".equalsIgnoreCase(System.getProperty("genrekit.soxr", "true"))) {
            reason = "disabled by -Dgenrekit.soxr=false";
        } else {
            try {
                SymbolLookup lib = SymbolLookup.libraryLookup(System.getProperty("genrekit.soxr.library", "libsoxr.so.0"),
                        Arena.global());
                Linker linker = Linker.nativeLinker();
                quality = linker.downcallHandle(lib.findOrThrow("soxr_quality_spec"),
                        FunctionDescriptor.of(QUALITY_SPEC, JAVA_LONG, JAVA_LONG));
                oneshot = linker.downcallHandle(lib.findOrThrow("soxr_oneshot"),
                        FunctionDescriptor.of(ADDRESS, JAVA_DOUBLE, JAVA_DOUBLE, JAVA_INT, ADDRESS, JAVA_LONG, ADDRESS,
                                ADDRESS, JAVA_LONG, ADDRESS, ADDRESS, ADDRESS, ADDRESS));
                create = linker.downcallHandle(lib.findOrThrow("soxr_create"),
                        FunctionDescriptor.of(ADDRESS, JAVA_DOUBLE, JAVA_DOUBLE, JAVA_INT, ADDRESS, ADDRESS, ADDRESS, ADDRESS));
                process = linker.downcallHandle(lib.findOrThrow("soxr_process"),
                        FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS, JAVA_LONG, ADDRESS, ADDRESS, JAVA_LONG, ADDRESS));
                delete = linker.downcallHandle(lib.findOrThrow("soxr_delete"), FunctionDescriptor.ofVoid(ADDRESS));
            } catch (RuntimeException | LinkageError e) {
                quality = null;
                oneshot = null;
                reason = "libsoxr.so.0 not loadable (" + e.getMessage() + ")";
            }
        }
        QUALITY = quality;
        ONESHOT = oneshot;
        CREATE = create;
        PROCESS = process;
        DELETE = delete;
        UNAVAILABLE_REASON = reason;
    }

    private SoxrLibrary() {
    }

    public static boolean isAvailable() {
        return ONESHOT != null;
    }

    /** Why the library is not used, or null when it is. */
    public static String unavailableReason() {
        return UNAVAILABLE_REASON;
    }

    /** soxr HQ's quality spec, allocated in {@code arena}. */
    static MemorySegment hqQuality(Arena arena) throws Throwable {
        return (MemorySegment) QUALITY.invokeExact((java.lang.foreign.SegmentAllocator) arena, SOXR_HQ, 0L);
    }

    /** float32 in, float32 out, scale 1, allocated in {@code arena}. */
    static MemorySegment floatIo(Arena arena) {
        MemorySegment io = arena.allocate(IO_SPEC);
        io.set(JAVA_INT, IO_SPEC.byteOffset(MemoryLayout.PathElement.groupElement("itype")), SOXR_FLOAT32_I);
        io.set(JAVA_INT, IO_SPEC.byteOffset(MemoryLayout.PathElement.groupElement("otype")), SOXR_FLOAT32_I);
        io.set(JAVA_DOUBLE, IO_SPEC.byteOffset(MemoryLayout.PathElement.groupElement("scale")), 1.0);
        return io;
    }

    /**
     * Resamples mono {@code x} with soxr HQ into exactly {@code outLength} samples: librosa pads the
     * (rarely) shorter soxr output with zeros and trims a longer one.
     */
    public static float[] resample(float[] x, int fromRate, int toRate, int outLength) {
        if (!isAvailable()) {
            throw new IllegalStateException("libsoxr is not available: " + UNAVAILABLE_REASON);
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment in = arena.allocate(JAVA_FLOAT, Math.max(1, x.length));
            MemorySegment.copy(x, 0, in, JAVA_FLOAT, 0, x.length);
            long capacity = outLength + 64L;
            MemorySegment out = arena.allocate(JAVA_FLOAT, capacity);
            MemorySegment odone = arena.allocate(JAVA_LONG);
            MemorySegment io = floatIo(arena);
            MemorySegment q = hqQuality(arena);
            MemorySegment err = (MemorySegment) ONESHOT.invokeExact((double) fromRate, (double) toRate, 1, in,
                    (long) x.length, MemorySegment.NULL, out, capacity, odone, io, q, MemorySegment.NULL);
            if (!err.equals(MemorySegment.NULL)) {
                throw new IllegalStateException("soxr_oneshot failed: " + err.reinterpret(256).getString(0));
            }
            long done = odone.get(JAVA_LONG, 0);
            float[] y = new float[outLength];
            MemorySegment.copy(out, JAVA_FLOAT, 0, y, 0, (int) Math.min(done, outLength));
            return y;
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("soxr_oneshot call failed", t);
        }
    }
}
