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
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Every command's --help renders without picocli's "[picocli WARN] Could not format ..." (a bare
 * '%' in a description is a format specifier: "95% of" showed as "Format specifier '% o'").
 */
class HelpTextTest {
    @Test
    void everyHelpTextRendersWithoutFormatWarnings() {
        List<CommandLine> all = CommandTree.all();
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

    @Test
    void everyOptionAndParameterHasADescription() {
        List<String> bare = new ArrayList<>();
        for (CommandLine c : CommandTree.all()) {
            for (ArgSpec a : c.getCommandSpec().args()) {
                if (a.hidden()) continue; // older names: never shown
                String text = String.join(" ", a.description()).strip();
                if (text.isEmpty()) {
                    bare.add(c.getCommandSpec().qualifiedName() + " " + (a instanceof OptionSpec o ? o.longestName() : a.paramLabel()));
                }
            }
        }
        assertEquals(List.of(), bare, "options and parameters without a description");
    }

    /** The line a parent lists for each command is a whole sentence: picocli shows only the first description line. */
    @Test
    void everySummaryIsAWholeSentence() {
        List<String> cut = new ArrayList<>();
        for (CommandLine c : CommandTree.all()) {
            CommandLine.Model.UsageMessageSpec u = c.getCommandSpec().usageMessage();
            String summary = (u.header().length > 0 ? u.header()[0] : u.description().length > 0 ? u.description()[0] : "").strip();
            if (!summary.endsWith(".") || summary.length() < 10) cut.add(c.getCommandSpec().qualifiedName() + ": '" + summary + "'");
        }
        assertEquals(List.of(), cut, "summaries that are empty or stop mid-sentence");
    }

    /** {@code genrekit --help} lists the commands in the order of the pipeline (see docs/cli.md). */
    @Test
    void commandsAreListedInPipelineOrder() {
        List<String> pipeline = List.of("features", "dataset", "train", "evaluate", "classify", "serve", "batch", "tag", "deep",
                "visualize", "backbone", "models");
        List<String> listed = new ArrayList<>(Main.commandLine().getSubcommands().keySet());
        List<String> known = listed.stream().filter(pipeline::contains).toList();
        assertEquals(pipeline.stream().filter(listed::contains).toList(), known, "listed: " + listed);
        assertTrue(known.size() >= 10, "listed: " + listed);
    }

    @Test
    void helpGoesToStdoutWithExitCode0AndABareGroupToStderrWithExitCode2() {
        for (CommandLine c : CommandTree.all()) {
            List<String> path = CommandTree.path(c);
            List<String> help = new ArrayList<>(path);
            help.add("--help");
            CommandTree.Run h = CommandTree.run(help);
            assertEquals(Main.EXIT_OK, h.code(), String.join(" ", help) + ": " + h.err());
            assertTrue(h.out().startsWith("Usage: " + c.getCommandSpec().qualifiedName()), h.out());
            assertEquals("", h.err());
            if (c.getSubcommands().isEmpty()) continue;
            CommandTree.Run bare = CommandTree.run(path);
            assertEquals(Main.EXIT_USAGE, bare.code(), String.join(" ", path));
            assertEquals("", bare.out());
            assertEquals(h.out(), bare.err(), "a bare group prints its help on stderr");
        }
    }
}
