package org.genrekit.data.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ProgressBarTest {
    @Test
    void lineShowsCountPercentRateEtaAndFailures() {
        ProgressBar bar = new ProgressBar("extract", 200, new PrintStream(new ByteArrayOutputStream()), ProgressBar.Mode.NEVER);
        String line = bar.line(50, 2, 10);
        assertTrue(line.startsWith("extract [#######....................."), line);
        assertTrue(line.contains("50/200  25%"), line);
        assertTrue(line.contains("5.00/s"), line);
        assertTrue(line.contains("ETA 30s"), line);
        assertTrue(line.contains("failed 2"), line);
        assertEquals("1m15s", ProgressBar.duration(75));
        assertEquals("2h05m", ProgressBar.duration(7500));
    }

    @Test
    void countsFromManyThreadsAndLogModeIsQuiet() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (ProgressBar bar = new ProgressBar("scan", 10_000, new PrintStream(buf, true, StandardCharsets.UTF_8), ProgressBar.Mode.LOG)) {
            IntStream.range(0, 10_000).parallel().forEach(i -> {
                if (i % 100 == 0) bar.fail();
                else bar.step();
            });
            assertEquals(10_000, bar.done());
            assertEquals(100, bar.failed());
        }
        String out = buf.toString(StandardCharsets.UTF_8);
        assertEquals(1, out.lines().count(), "a fast run logs only its final line when stderr is not a terminal: " + out);
        assertTrue(out.contains("10000/10000 100%") && out.contains("failed 100"), out);
    }
}
