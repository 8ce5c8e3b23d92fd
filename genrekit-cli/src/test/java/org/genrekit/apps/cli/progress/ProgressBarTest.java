package org.genrekit.apps.cli.progress;

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

    @Test
    void closeWithPutsTheSummaryInPlaceOfTheBar() {
        ByteArrayOutputStream tty = new ByteArrayOutputStream();
        ProgressBar bar = new ProgressBar("epoch 1/3", 4, new PrintStream(tty, true, StandardCharsets.UTF_8), ProgressBar.Mode.TTY);
        bar.note("loss 0.5000");
        for (int i = 0; i < 4; i++) bar.step();
        bar.closeWith("epoch 1/3  val_acc 0.900");
        bar.close();
        String out = tty.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains("loss 0.5000"), out);
        assertTrue(out.endsWith("\repoch 1/3  val_acc 0.900\u001b[K" + System.lineSeparator()), out);
        assertEquals(1, out.split("val_acc", -1).length - 1, "close() after closeWith() prints nothing more: " + out);

        ByteArrayOutputStream log = new ByteArrayOutputStream();
        ProgressBar quiet = new ProgressBar("epoch 2/3", 4, new PrintStream(log, true, StandardCharsets.UTF_8), ProgressBar.Mode.LOG);
        quiet.step();
        quiet.closeWith("epoch 2/3 done");
        assertEquals("epoch 2/3 done" + System.lineSeparator(), log.toString(StandardCharsets.UTF_8), "a log gets just the summary line");
    }
}
