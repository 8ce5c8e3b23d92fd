package org.genrekit.apps.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/** Every command of {@code genrekit} as built by {@link Main}, and a runner that captures both streams. */
final class CommandTree {
    private CommandTree() {
    }

    /** Exit code, stdout and stderr of one run. */
    record Run(int code, String out, String err) {
        List<String> errLines() {
            return err.lines().filter(l -> !l.isBlank()).toList();
        }
    }

    /** The root and every command below it, parents before children. */
    static List<CommandLine> all() {
        List<CommandLine> out = new ArrayList<>();
        collect(Main.commandLine(), out);
        return out;
    }

    /** The commands that run something (no subcommands of their own). */
    static List<CommandLine> leaves() {
        return all().stream().filter(c -> c.getSubcommands().isEmpty()).toList();
    }

    /** The words after {@code genrekit}, e.g. {@code [features, extract]}. */
    static List<String> path(CommandLine c) {
        List<String> words = new ArrayList<>();
        for (CommandLine p = c; p.getParent() != null; p = p.getParent()) words.addFirst(p.getCommandName());
        return words;
    }

    static synchronized Run run(List<String> args) {
        PrintStream o = System.out, e = System.err;
        ByteArrayOutputStream bo = new ByteArrayOutputStream(), be = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(bo, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(be, true, StandardCharsets.UTF_8));
            int code = Main.execute(args.toArray(String[]::new));
            return new Run(code, bo.toString(StandardCharsets.UTF_8), be.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(o);
            System.setErr(e);
        }
    }

    private static void collect(CommandLine c, List<CommandLine> into) {
        into.add(c);
        for (CommandLine sub : c.getSubcommands().values()) {
            if (!into.contains(sub)) collect(sub, into);
        }
    }
}
