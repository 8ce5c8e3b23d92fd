package org.genrekit.audio.ffmpeg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.genrekit.audio.AudioDecodeException;
import org.genrekit.audio.AudioLoader;
import org.genrekit.audio.LoadOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * libmpg123's "Warning: Xing stream size off by more than 1% ..." (printed by the C library to
 * descriptor 2 while libsndfile opens a truncated MP3, naming no file) stays off stderr; FFmpeg's
 * message names the file instead. Run in a child JVM, since only its descriptor 2 shows it.
 */
class NativeStderrTest {
    @TempDir
    Path tmp;

    @Test
    void libmpg123HeaderWarningIsKeptOffStderrAndOtherOutputIsNot() throws Exception {
        Path truncated = truncatedGtzanMp3();
        Result quiet = child(truncated, false);
        assertEquals("TRUNCATED", quiet.out.strip(), "FFmpeg still says what is wrong with the file; stderr:\n" + quiet.err);
        assertFalse(quiet.err.contains("Xing"), "libmpg123's line is gone:\n" + quiet.err);
        assertTrue(quiet.err.contains("java output inside the window"), "other stderr output is passed on:\n" + quiet.err);

        // The control: with the messages let through, the same file does print the line (so the test sees it).
        Result loud = child(truncated, true);
        assertTrue(loud.err.contains("Warning: Xing stream size off"), "libmpg123 prints for this file:\n" + loud.err);
    }

    private record Result(String out, String err) {
    }

    private Result child(Path file, boolean nativeMessages) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = List.of(java, "--enable-native-access=ALL-UNNAMED", "-Dgenrekit.audio.nativeMessages=" + nativeMessages,
                "-cp", System.getProperty("java.class.path"), Child.class.getName(), file.toString());
        Process p = new ProcessBuilder(cmd).redirectError(tmp.resolve("err-" + nativeMessages).toFile()).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(2, TimeUnit.MINUTES));
        String err = Files.readString(tmp.resolve("err-" + nativeMessages));
        assertEquals(0, p.exitValue(), err);
        return new Result(out, err);
    }

    private Path truncatedGtzanMp3() throws Exception {
        String shared = System.getProperty("genrekit.shared");
        Path mp3 = shared == null ? null : Path.of(shared, "data", "gtzan-3genres", "rock", "rock.00000.mp3");
        assumeTrue(mp3 != null && Files.isRegularFile(mp3), "skipped: ../shared/data/gtzan-3genres (a GTZAN MP3 with a Xing tag) not found at " + shared);
        assumeTrue(SndfileMp3.isAvailable(), "skipped: libsndfile.so.1 is not installed (MP3s are decoded by FFmpeg, libmpg123 never runs)");
        byte[] b = Files.readAllBytes(mp3);
        Path out = tmp.resolve("truncated.mp3");
        Files.write(out, Arrays.copyOf(b, b.length * 2 / 3));
        return out;
    }

    /** The child: decodes the file, says how it failed on stdout, and writes to stderr inside a capture window. */
    public static final class Child {
        public static void main(String[] args) throws Throwable {
            NativeStderr.quiet(() -> {
                System.err.println("java output inside the window");
                System.err.flush();
                return null;
            });
            try {
                AudioLoader.load(Path.of(args[0]), LoadOptions.defaults());
                System.out.println("DECODED");
            } catch (AudioDecodeException e) {
                System.out.println(e.reason());
            }
        }
    }
}
