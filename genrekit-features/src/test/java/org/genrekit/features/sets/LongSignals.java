package org.genrekit.features.sets;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.genrekit.audio.AudioDecodeException;
import org.genrekit.audio.AudioLoader;
import org.genrekit.audio.LoadOptions;
import org.genrekit.audio.Signal;

/** Long test signals built in Java from ../shared's GTZAN clips (no ffmpeg program): decoded clips end to end. */
final class LongSignals {
    private LongSignals() {
    }

    /** The GTZAN MP3s of ../shared, genres interleaved, or the test is skipped. */
    static List<Path> clips() throws IOException {
        String p = System.getProperty("genrekit.shared");
        Path root = p == null ? null : Path.of(p, "data/gtzan-3genres");
        assumeTrue(root != null && Files.isDirectory(root), "skipped: ../shared/data/gtzan-3genres not found (genrekit.shared=" + p + ")");
        List<List<Path>> byGenre = new ArrayList<>();
        try (Stream<Path> genres = Files.list(root)) {
            for (Path g : genres.filter(Files::isDirectory).sorted().toList()) {
                try (Stream<Path> s = Files.list(g)) {
                    byGenre.add(s.filter(f -> f.toString().endsWith(".mp3")).sorted().toList());
                }
            }
        }
        List<Path> out = new ArrayList<>();
        for (int i = 0; out.size() < 200; i++) {
            boolean any = false;
            for (List<Path> g : byGenre) {
                if (i < g.size()) {
                    out.add(g.get(i));
                    any = true;
                }
            }
            if (!any) break;
        }
        return out;
    }

    /** {@code seconds} of clips decoded at {@code sampleRate} (0: each clip's own rate, all must agree), end to end. */
    static Signal concatenated(double seconds, int sampleRate) throws IOException, AudioDecodeException {
        List<float[]> parts = new ArrayList<>();
        long total = 0;
        int rate = sampleRate;
        for (Path clip : clips()) {
            Signal s = AudioLoader.load(clip, LoadOptions.atRate(sampleRate));
            if (rate == 0) rate = s.sampleRate();
            if (s.sampleRate() != rate) continue;
            parts.add(s.samples());
            total += s.length();
            if (total >= seconds * rate) break;
        }
        int n = (int) Math.min(total, Math.round(seconds * rate));
        float[] y = new float[n];
        int at = 0;
        for (float[] part : parts) {
            int c = Math.min(part.length, n - at);
            System.arraycopy(part, 0, y, at, c);
            at += c;
            if (at == n) break;
        }
        return new Signal(y, rate);
    }

    /** A mono 32-bit float WAV of {@code signal} (written in blocks). */
    static Path floatWav(Path file, Signal signal) throws IOException {
        float[] y = signal.samples();
        long data = 4L * y.length;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer h = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
            h.put("RIFF".getBytes()).putInt((int) (36 + data)).put("WAVE".getBytes());
            h.put("fmt ".getBytes()).putInt(16).putShort((short) 3).putShort((short) 1).putInt(signal.sampleRate())
                    .putInt(signal.sampleRate() * 4).putShort((short) 4).putShort((short) 32);
            h.put("data".getBytes()).putInt((int) data);
            ch.write(h.flip());
            ByteBuffer b = ByteBuffer.allocate(1 << 20).order(ByteOrder.LITTLE_ENDIAN);
            for (float v : y) {
                if (!b.hasRemaining()) {
                    ch.write(b.flip());
                    b.clear();
                }
                b.putFloat(v);
            }
            ch.write(b.flip());
        }
        return file;
    }
}
