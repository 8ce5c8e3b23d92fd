package org.genrekit.apps.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Every command's --help renders without picocli's "[picocli WARN] Could not format ..." (a bare
 * '%' in a description is a format specifier: "95% of" showed as "Format specifier '% o'").
 */
class HelpTextTest {
    @Test
    void everyHelpTextRendersWithoutFormatWarnings() {
        List<CommandLine> all = new ArrayList<>();
        collect(Main.commandLine(), all);
        assertTrue(all.size() > 20, "all commands: " + all.size());
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        StringBuilder help = new StringBuilder();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            for (CommandLine c : all) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                c.usage(new PrintStream(out, true, StandardCharsets.UTF_8));
                help.append(out.toString(StandardCharsets.UTF_8));
            }
        } finally {
            System.setErr(err);
        }
        assertEquals("", captured.toString(StandardCharsets.UTF_8), "stderr while rendering every --help");
        String text = help.toString().replaceAll("\\s+", " ");
        assertTrue(text.contains("95% of the dataset's clip length"), "dataset scan --help shows the percentage");
        assertTrue(text.contains("(20% held out"), "deep train --help shows the percentage");
    }

    @Test
    void datasetScanHelpSaysPercentOnStdoutAndNothingOnStderr() {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = Main.execute("dataset", "scan", "--help");
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        assertEquals(0, code);
        assertEquals("", e.toString(StandardCharsets.UTF_8));
        assertTrue(o.toString(StandardCharsets.UTF_8).replaceAll("\\s+", " ").contains("(default: 95% of the dataset's"), o.toString(StandardCharsets.UTF_8));
    }

    private static void collect(CommandLine c, List<CommandLine> into) {
        into.add(c);
        for (CommandLine sub : c.getSubcommands().values()) {
            if (!into.contains(sub)) collect(sub, into);
        }
    }
}
