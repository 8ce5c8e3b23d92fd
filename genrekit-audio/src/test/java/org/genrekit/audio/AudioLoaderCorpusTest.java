package org.genrekit.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real-world MP3s (LAME VBR) and damaged copies. */
class AudioLoaderCorpusTest {
    @TempDir
    Path dir;

    @Test
    void gtzanVbrMp3LengthsEqualLibrosas() throws Exception {
        Path table = Golden.shared().resolve("golden/tables/gtzan-3genres.gtzan58.csv");
        Path root = Golden.shared().resolve("data/gtzan-3genres");
        assumeTrue(Files.isRegularFile(table) && Files.isDirectory(root), "skipped: gtzan-3genres not in ../shared");
        List<String> lines = Files.readAllLines(table);
        List<String> header = List.of(lines.get(0).split(","));
        int pathCol = header.indexOf("relative_path");
        int lengthCol = header.indexOf("length");
        List<String> wrong = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            long expected = (long) Double.parseDouble(f[lengthCol]);
            Signal s = AudioLoader.load(root.resolve(f[pathCol]), LoadOptions.defaults());
            if (s.length() != expected) {
                wrong.add(f[pathCol] + ": " + s.length() + " vs librosa " + expected);
            }
        }
        assertEquals(195, lines.size() - 1);
        assertTrue(wrong.isEmpty(), "gapless lengths differ: " + wrong);
    }

    @Test
    void damagedMp3NeverCrashes() throws Exception {
        byte[] clean = Files.readAllBytes(Golden.audio("d_chord.mp3"));
        Random r = new Random(42);
        for (int t = 0; t < 12; t++) {
            byte[] b = clean.clone();
            // Overwrite a few runs of bytes after the header (frames and their side info).
            for (int k = 0; k < 1 + t; k++) {
                int at = 1000 + r.nextInt(b.length - 1200);
                for (int i = 0; i < 40; i++) {
                    b[at + i] = (byte) r.nextInt(256);
                }
            }
            Path f = dir.resolve("damaged" + t + ".mp3");
            Files.write(f, b);
            try {
                Signal s = AudioLoader.load(f, LoadOptions.defaults());
                for (float v : s.samples()) {
                    assertTrue(Float.isFinite(v));
                }
            } catch (AudioDecodeException e) {
                assertEquals(f, e.file()); // a typed error is fine too; a crash or hang is not
            }
        }
    }

    @Test
    void randomBytesAreNotAudio() throws Exception {
        Random r = new Random(1);
        for (String name : List.of("noise.mp3", "noise.wav", "noise.ogg", "noise.m4a", "noise.flac")) {
            byte[] b = new byte[5000];
            r.nextBytes(b);
            Path f = dir.resolve(name);
            Files.write(f, b);
            AudioDecodeException e = org.junit.jupiter.api.Assertions.assertThrows(AudioDecodeException.class,
                    () -> AudioLoader.load(f, LoadOptions.defaults()));
            assertEquals(f, e.file());
        }
    }
}
