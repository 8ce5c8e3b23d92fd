package org.genrekit.audio.ffmpeg;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.io.ByteArrayOutputStream;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;

/**
 * Keeps a native library's own messages off the process's stderr during one call. libmpg123 (under
 * libsndfile) writes lines like "Warning: Xing stream size off by more than 1%, fuzzy seeking may
 * be even more fuzzy than by design!" straight to file descriptor 2 while {@code sf_open} reads the
 * header: no file name, and nothing a caller can act on, since FFmpeg's own check of the same file
 * names it and says what is wrong (a truncated file: "truncated: header promises N frames ...").
 * <p>For the duration of the call, descriptor 2 is a pipe; afterwards it is restored and the pipe is
 * read: libmpg123's lines are dropped, anything else (another thread's output that fell into the
 * window, typically none) is written back to the real stderr, so nothing else is lost. Calls are
 * serialised, the window is the length of a header parse (about a millisecond). Where the C
 * library's {@code dup}/{@code dup2}/{@code pipe} are not available (not POSIX), or with
 * {@code -Dgenrekit.audio.nativeMessages=true}, the call runs as it is.
 */
final class NativeStderr {
    /** libmpg123's message lines (mpg123 1.2x/1.3x: "Note: ...", "Warning: ...", "[file:line] warning: ..."). */
    private static final Pattern MPG123_LINE = Pattern.compile("^(Note|Warning|Error|\\[[^\\]]*\\] (note|warning|error)):.*");
    private static final int STDERR = 2;
    private static final ReentrantLock LOCK = new ReentrantLock();
    private static final MethodHandle DUP;
    private static final MethodHandle DUP2;
    private static final MethodHandle PIPE;
    private static final MethodHandle READ;
    private static final MethodHandle WRITE;
    private static final MethodHandle CLOSE;

    static {
        MethodHandle dup = null, dup2 = null, pipe = null, read = null, write = null, close = null;
        if (!Boolean.getBoolean("genrekit.audio.nativeMessages")) {
            try {
                Linker linker = Linker.nativeLinker();
                SymbolLookup libc = linker.defaultLookup();
                dup = linker.downcallHandle(libc.findOrThrow("dup"), FunctionDescriptor.of(JAVA_INT, JAVA_INT));
                dup2 = linker.downcallHandle(libc.findOrThrow("dup2"), FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT));
                pipe = linker.downcallHandle(libc.findOrThrow("pipe"), FunctionDescriptor.of(JAVA_INT, ADDRESS));
                read = linker.downcallHandle(libc.findOrThrow("read"), FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG));
                write = linker.downcallHandle(libc.findOrThrow("write"), FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG));
                close = linker.downcallHandle(libc.findOrThrow("close"), FunctionDescriptor.of(JAVA_INT, JAVA_INT));
            } catch (RuntimeException | LinkageError e) {
                dup = null; // not a POSIX C library: messages pass through
            }
        }
        DUP = dup;
        DUP2 = dup2;
        PIPE = pipe;
        READ = read;
        WRITE = write;
        CLOSE = close;
    }

    private NativeStderr() {
    }

    /** A native call that may write to descriptor 2. */
    @FunctionalInterface
    interface NativeCall<T> {
        T call() throws Throwable;
    }

    /** Runs {@code call} with libmpg123's messages kept off stderr (see the class comment). */
    static <T> T quiet(NativeCall<T> call) throws Throwable {
        if (DUP == null) return call.call();
        LOCK.lock();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment fds = arena.allocate(JAVA_INT, 2);
            if ((int) PIPE.invokeExact(fds) != 0) return call.call();
            int readEnd = fds.getAtIndex(JAVA_INT, 0);
            int writeEnd = fds.getAtIndex(JAVA_INT, 1);
            int saved = (int) DUP.invokeExact(STDERR);
            if (saved < 0 || (int) DUP2.invokeExact(writeEnd, STDERR) < 0) {
                if (saved >= 0) closeQuietly(saved);
                closeQuietly(readEnd);
                closeQuietly(writeEnd);
                return call.call();
            }
            closeQuietly(writeEnd);
            T result;
            try {
                result = call.call();
            } finally {
                int restored = (int) DUP2.invokeExact(saved, STDERR);
                closeQuietly(saved);
                // Descriptor 2 no longer points at the pipe and its write end is closed: read to EOF.
                byte[] captured = drain(arena, readEnd);
                closeQuietly(readEnd);
                if (restored >= 0) passOn(arena, captured);
            }
            return result;
        } finally {
            LOCK.unlock();
        }
    }

    private static byte[] drain(Arena arena, int fd) throws Throwable {
        MemorySegment buf = arena.allocate(8192);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (true) {
            long n = (long) READ.invokeExact(fd, buf, 8192L);
            if (n <= 0) break;
            out.write(buf.asSlice(0, n).toArray(java.lang.foreign.ValueLayout.JAVA_BYTE));
        }
        return out.toByteArray();
    }

    /** Writes back to stderr whatever is not a libmpg123 line. */
    private static void passOn(Arena arena, byte[] captured) throws Throwable {
        if (captured.length == 0) return;
        StringBuilder keep = new StringBuilder();
        for (String line : new String(captured, StandardCharsets.UTF_8).split("(?<=\n)")) {
            if (!MPG123_LINE.matcher(line.strip()).matches()) keep.append(line);
        }
        if (keep.isEmpty()) return;
        byte[] bytes = keep.toString().getBytes(StandardCharsets.UTF_8);
        MemorySegment seg = arena.allocateFrom(java.lang.foreign.ValueLayout.JAVA_BYTE, bytes);
        long off = 0;
        while (off < bytes.length) {
            long n = (long) WRITE.invokeExact(STDERR, seg.asSlice(off), (long) bytes.length - off);
            if (n <= 0) break;
            off += n;
        }
    }

    private static void closeQuietly(int fd) throws Throwable {
        int ignored = (int) CLOSE.invokeExact(fd);
    }
}
