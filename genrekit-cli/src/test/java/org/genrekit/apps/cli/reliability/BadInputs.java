package org.genrekit.apps.cli.reliability;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.genrekit.apps.cli.Main;

/** Test inputs that lie or overflow, built in Java (no ffmpeg CLI), and a CLI runner that captures both streams. */
final class BadInputs {
    private BadInputs() {
    }

    /** Exit code, stdout and stderr of one CLI run. */
    record Run(int code, String out, String err) {
    }

    static synchronized Run run(String... args) {
        PrintStream o = System.out, e = System.err;
        ByteArrayOutputStream bo = new ByteArrayOutputStream(), be = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(bo, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(be, true, StandardCharsets.UTF_8));
            int code = Main.execute(args);
            return new Run(code, bo.toString(StandardCharsets.UTF_8), be.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(o);
            System.setErr(e);
        }
    }

    /** A file of ../shared, or the test is skipped with a message. */
    static Path shared(String rel) {
        String root = System.getProperty("genrekit.shared");
        assumeTrue(root != null && Files.exists(Path.of(root, rel)), "skipped: ../shared/" + rel + " not available (genrekit.shared=" + root + ")");
        return Path.of(root, rel);
    }

    /** A GTZAN MP3 whose Xing tag claims 2^31 - 1 frames (the 4 bytes after the flags). */
    static Path lyingMp3(Path dir, String name) throws IOException {
        byte[] b = Files.readAllBytes(shared("data/gtzan-3genres/rock/rock.00001.mp3"));
        int at = -1;
        for (int i = 0; i + 4 <= b.length && at < 0; i++) {
            if (b[i] == 'X' && b[i + 1] == 'i' && b[i + 2] == 'n' && b[i + 3] == 'g') at = i;
        }
        if (at < 0 || (b[at + 7] & 1) == 0) throw new IllegalStateException("no Xing frame count in the fixture");
        ByteBuffer.wrap(b, at + 8, 4).putInt(0x7fffffff);
        Path f = dir.resolve(name);
        Files.write(f, b);
        return f;
    }

    /** A mono 32-bit float WAV of {@code seconds} of a 440 Hz sine times {@code gain} (1e30: finite samples whose power overflows). */
    static Path floatWav(Path dir, String name, double seconds, double gain) throws IOException {
        int sr = 22050;
        int n = (int) (seconds * sr);
        ByteBuffer b = ByteBuffer.allocate(44 + 4 * n).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + 4 * n).put("WAVE".getBytes(StandardCharsets.US_ASCII));
        b.put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 3).putShort((short) 1).putInt(sr)
                .putInt(sr * 4).putShort((short) 4).putShort((short) 32);
        b.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(4 * n);
        for (int i = 0; i < n; i++) b.putFloat((float) (gain * Math.sin(2 * Math.PI * 440 * i / sr)));
        Path f = dir.resolve(name);
        Files.write(f, b.array());
        return f;
    }
}
