package org.genrekit.audio.ffmpeg;

import static java.lang.foreign.ValueLayout.ADDRESS;
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
import java.nio.file.Path;

/**
 * Decodes MP3 with libsndfile (which calls libmpg123), the very path {@code librosa.load} takes
 * through python-soundfile. FFmpeg's mp3float agrees with it to ~122 dB SNR, but above the
 * encoder's low-pass only float rounding noise of the synthesis filter bank is left, and that noise
 * differs between the two decoders; features that look at the quietest bands (spectral contrast's
 * valleys) then differ from librosa's by up to 0.8 std. libsndfile 1.2.0 + libmpg123 1.31 give
 * librosa's samples bit for bit. Optional: {@link #isAvailable()} is false when
 * {@code libsndfile.so.1} is missing or {@code -Dgenrekit.audio.sndfile=false}; FFmpeg decodes then.
 */
final class SndfileMp3 {
    private static final int SFM_READ = 0x10;
    private static final int CHUNK_FRAMES = 8192;

    private static final StructLayout SF_INFO = MemoryLayout.structLayout(
            JAVA_LONG.withName("frames"), JAVA_INT.withName("samplerate"), JAVA_INT.withName("channels"),
            JAVA_INT.withName("format"), JAVA_INT.withName("sections"), JAVA_INT.withName("seekable"),
            MemoryLayout.paddingLayout(4));

    private static final MethodHandle OPEN;
    private static final MethodHandle READF_FLOAT;
    private static final MethodHandle CLOSE;

    static {
        MethodHandle open = null;
        MethodHandle readf = null;
        MethodHandle close = null;
        if (!"false".equalsIgnoreCase(System.getProperty("genrekit.audio.sndfile", "true"))) {
            try {
                SymbolLookup lib = SymbolLookup.libraryLookup(
                        System.getProperty("genrekit.audio.sndfile.library", "libsndfile.so.1"), Arena.global());
                Linker linker = Linker.nativeLinker();
                open = linker.downcallHandle(lib.findOrThrow("sf_open"),
                        FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_INT, ADDRESS));
                readf = linker.downcallHandle(lib.findOrThrow("sf_readf_float"),
                        FunctionDescriptor.of(JAVA_LONG, ADDRESS, ADDRESS, JAVA_LONG));
                close = linker.downcallHandle(lib.findOrThrow("sf_close"), FunctionDescriptor.of(JAVA_INT, ADDRESS));
            } catch (RuntimeException | LinkageError e) {
                open = null; // not installed: FFmpeg's decoder is used instead
            }
        }
        OPEN = open;
        READF_FLOAT = readf;
        CLOSE = close;
    }

    private SndfileMp3() {
    }

    static boolean isAvailable() {
        return OPEN != null;
    }

    /**
     * Streams the file's mono frames (float32 channel mean, as numpy) into {@code sink} until the
     * window is full or the file ends. Returns false, before offering any frame, when libsndfile
     * cannot open the file or sees another rate or channel count than FFmpeg's header (the caller
     * then decodes with FFmpeg, which judges the file).
     *
     * @param frameLimit frames after which {@code onTooLong} is thrown
     */
    static boolean decode(Path file, int expectRate, int expectChannels, MonoSink sink, long frameLimit,
                          TooLong onTooLong) throws org.genrekit.audio.AudioDecodeException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment info = arena.allocate(SF_INFO);
            MemorySegment path = arena.allocateFrom(file.toAbsolutePath().toString());
            // libmpg123 reports header oddities (a Xing size that does not match the file) on stderr
            // during the open; FFmpeg's check already names such a file and says what is wrong.
            MemorySegment handle = NativeStderr.quiet(() -> (MemorySegment) OPEN.invokeExact(path, SFM_READ, info));
            if (handle.equals(MemorySegment.NULL)) {
                return false;
            }
            try {
                int sr = info.get(JAVA_INT, SF_INFO.byteOffset(MemoryLayout.PathElement.groupElement("samplerate")));
                int channels = info.get(JAVA_INT, SF_INFO.byteOffset(MemoryLayout.PathElement.groupElement("channels")));
                if (channels != expectChannels || sr != expectRate) {
                    return false;
                }
                MemorySegment buf = arena.allocate(JAVA_FLOAT, (long) CHUNK_FRAMES * channels);
                float[] inter = new float[CHUNK_FRAMES * channels];
                float[] mono = channels == 1 ? inter : new float[CHUNK_FRAMES];
                float c = channels;
                while (!sink.full()) {
                    long got = (long) READF_FLOAT.invokeExact(handle, buf, (long) CHUNK_FRAMES);
                    if (got <= 0) {
                        break;
                    }
                    int n = (int) got;
                    MemorySegment.copy(buf, JAVA_FLOAT, 0, inter, 0, n * channels);
                    if (channels > 1) {
                        // numpy's float32 mean over channels: float32 sum in channel order, then / count.
                        for (int i = 0, j = 0; i < n; i++) {
                            float s = 0f;
                            for (int k = 0; k < channels; k++) {
                                s += inter[j++];
                            }
                            mono[i] = s / c;
                        }
                    }
                    sink.offer(mono, n);
                    if (sink.framesSeen() > frameLimit) {
                        throw onTooLong.at(sink.framesSeen() / (double) sr);
                    }
                }
                return true;
            } finally {
                int ignored = (int) CLOSE.invokeExact(handle);
            }
        } catch (org.genrekit.audio.AudioDecodeException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("libsndfile call failed", t);
        }
    }

    /** Builds the TOO_LONG error for a decode that ran past the length limit. */
    @FunctionalInterface
    interface TooLong {
        org.genrekit.audio.AudioDecodeException at(double seconds);
    }
}
