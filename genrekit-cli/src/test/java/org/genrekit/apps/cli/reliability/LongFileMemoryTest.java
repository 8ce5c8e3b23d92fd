package org.genrekit.apps.cli.reliability;

import org.genrekit.core.csv.CsvReader;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.genrekit.apps.cli.Main;
import org.genrekit.audio.AudioLoader;
import org.genrekit.audio.LoadOptions;
import org.genrekit.audio.Signal;
import org.genrekit.features.sets.Gtzan58;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 10-minute file through {@code features extract} and {@code batch --features gtzan58} in a JVM
 * of 256 MB. Before, the whole-signal computation needed ~1.2 GB for ten minutes (a 45-60 minute
 * track failed with OUT_OF_MEMORY even with gigabytes); now the file is streamed twice and the row
 * equals the whole computation.
 */
class LongFileMemoryTest {
    private static final String HEAP = "-Xmx256m";

    @TempDir
    Path dir;

    /** Ten minutes of GTZAN clips end to end, as a 16-bit WAV at 22050 Hz (26 MB). */
    private Path tenMinutes() throws Exception {
        Path root = BadInputs.shared("data/gtzan-3genres");
        List<Path> clips = new ArrayList<>();
        try (Stream<Path> s = Files.walk(root)) {
            clips.addAll(s.filter(p -> p.toString().endsWith(".mp3")).sorted().toList());
        }
        int n = 600 * 22050;
        ByteBuffer b = ByteBuffer.allocate(44 + 2 * n).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(36 + 2 * n).put("WAVE".getBytes()).put("fmt ".getBytes()).putInt(16)
                .putShort((short) 1).putShort((short) 1).putInt(22050).putInt(44100).putShort((short) 2).putShort((short) 16)
                .put("data".getBytes()).putInt(2 * n);
        int written = 0;
        for (int i = 0; written < n; i = (i + 17) % clips.size()) {
            for (float v : AudioLoader.load(clips.get(i), LoadOptions.defaults()).samples()) {
                if (written++ == n) break;
                b.putShort((short) Math.max(-32768, Math.min(32767, Math.round(v * 32768))));
            }
        }
        return Files.write(dir.resolve("ten minutes.wav"), b.array());
    }

    private static int child(Path log, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), HEAP,
                "--enable-native-access=ALL-UNNAMED", "-Dgenrekit.progress=never", "-cp", System.getProperty("java.class.path"),
                Main.class.getName()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("timed out: " + String.join(" ", args));
        }
        return p.exitValue();
    }

    private static void sameRow(List<String> header, List<String> row, List<String> columns, double[] want) {
        for (int i = 0; i < columns.size(); i++) {
            double got = Double.parseDouble(row.get(header.indexOf(columns.get(i))));
            double rel = Math.abs(got - want[i]) / Math.max(Math.abs(want[i]), 1e-9);
            assertTrue(rel <= 1e-5, String.format(Locale.ROOT, "%s: %s vs %s", columns.get(i), got, want[i]));
        }
    }

    @Test
    void tenMinutesOfGtzan58InA256MegabyteJvm() throws Exception {
        Path wav = tenMinutes();
        Signal whole = AudioLoader.load(wav, LoadOptions.defaults());
        Gtzan58 set = new Gtzan58();
        double[] want = set.extractWhole(whole);

        Path table = dir.resolve("t.csv");
        Path log = dir.resolve("extract.log");
        int code = child(log, "features", "extract", "--recipe", "gtzan58", "--threads", "1", "--out", table.toString(), wav.toString());
        assertEquals(Main.EXIT_OK, code, Files.readString(log));
        List<List<String>> rows = CsvReader.readAll(table);
        assertEquals(2, rows.size(), rows.toString());
        sameRow(rows.get(0), rows.get(1), set.columns(), want);

        Path results = dir.resolve("r.csv");
        log = dir.resolve("batch.log");
        code = child(log, "batch", "--features", "gtzan58", "--threads", "1", "--out", results.toString(), wav.toString());
        assertEquals(Main.EXIT_OK, code, Files.readString(log));
        rows = CsvReader.readAll(results);
        assertEquals(2, rows.size(), rows.toString());
        List<String> prefixed = set.columns().stream().map(c -> "f_" + c).toList();
        sameRow(rows.get(0), rows.get(1), prefixed, want);
        assertEquals(600.0, Double.parseDouble(rows.get(1).get(rows.get(0).indexOf("duration_s"))), 1e-6);
    }
}
