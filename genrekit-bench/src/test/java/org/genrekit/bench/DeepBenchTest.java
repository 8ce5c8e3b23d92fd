package org.genrekit.bench;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class DeepBenchTest {
    @Test
    void printsSpeedsOfAnArchitecture() {
        PrintStream old = System.out;
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        System.setOut(new PrintStream(b, true));
        int code;
        try {
            code = new CommandLine(new DeepBench()).execute("--arch", "crnn1d", "--steps", "1", "--tracks", "1", "--batch", "4");
        } finally {
            System.setOut(old);
        }
        assertEquals(0, code);
        String row = b.toString().lines().filter(l -> l.startsWith("crnn1d")).findFirst().orElseThrow(() -> new AssertionError(b.toString()));
        assertTrue(b.toString().contains("steps/s"), b.toString());
        // params, batch, then speeds: all measured, so positive and finite.
        String[] f = row.trim().split("\\s+");
        assertEquals("4", f[2], row);
        for (int i = 3; i < f.length; i++) {
            double v = Double.parseDouble(f[i]);
            assertTrue(Double.isFinite(v) && v > 0, "column " + i + " of " + row);
        }
    }

    @Test
    void timesPredictionOnTheAudioOfADatasetSpec() {
        java.nio.file.Path mini = java.nio.file.Path.of(System.getProperty("genrekit.shared", "../shared"), "data", "gtzan-mini");
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isDirectory(mini), mini + " absent: skipping");
        PrintStream old = System.out;
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        System.setOut(new PrintStream(b, true));
        int code;
        try {
            code = new CommandLine(new DeepBench()).execute("--arch", "crnn1d", "--steps", "1", "--tracks", "2", "--batch", "4", "--data", "gtzan:" + mini);
        } finally {
            System.setOut(old);
        }
        assertEquals(0, code);
        assertTrue(b.toString().lines().anyMatch(l -> l.startsWith("crnn1d")), b.toString());
        java.nio.file.Path images = mini.resolveSibling("gtzan-images");
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isDirectory(images), images + " absent: skipping");
        assertEquals(CommandLine.ExitCode.USAGE, new CommandLine(new DeepBench()).execute("--arch", "crnn1d", "--data", "images:" + images));
    }
}
