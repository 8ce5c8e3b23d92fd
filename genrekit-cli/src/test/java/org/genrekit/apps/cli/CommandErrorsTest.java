package org.genrekit.apps.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * The error policy over the whole command tree: every command, with a bad option, and every
 * command that reads a file, folder, dataset or model, with one that does not exist, prints one
 * line (no stack trace) and exits 2 (3 where the missing file is one of many inputs). A new
 * command is walked by the first test as it is; the second fails until its inputs have a case in
 * {@link #MISSING}, so none is forgotten.
 */
class CommandErrorsTest {
    /** Options that name what a command writes (created when missing), not what it reads. */
    static final Set<String> OUTPUTS = Set.of("--out", "--csv", "--report", "--store", "--cache", "--search-results", "--predictions");

    /** String-typed options that name an input (the others are typed Path). */
    static final Set<String> NAMED_INPUTS = Set.of("--data", "--model");

    /**
     * For each command that reads inputs: the input a case leaves missing, and the arguments.
     * {@code {missing}/NAME} is a path under a folder that does not exist; {@code {tmp}/NAME} a
     * writable path; {@code {wav}}, {@code {table}}, {@code {list}} real small files. Cases of a
     * command or input this build does not have (work on another branch) are skipped.
     */
    static final Map<String, List<Case>> MISSING = new LinkedHashMap<>();

    record Case(String input, List<String> args) {
    }

    private static void add(String command, String input, String... args) {
        MISSING.computeIfAbsent(command, k -> new ArrayList<>()).add(new Case(input, List.of(args)));
    }

    static {
        add("features dump", "AUDIO", "features", "dump", "{missing}/a.wav", "--out", "{tmp}/dump");
        add("features extract", "INPUT", "features", "extract", "--recipe", "gtzan58", "--out", "{tmp}/t.csv", "{missing}/a.wav");
        add("features extract", "--data", "features", "extract", "--recipe", "gtzan58", "--data", "{missing}/music", "--out", "{tmp}/t.csv");
        add("dataset scan", "--data", "dataset", "scan", "--data", "{missing}/music");
        add("dataset info", "--data", "dataset", "info", "--data", "{missing}/music");
        add("dataset split", "--data", "dataset", "split", "--data", "{missing}/music", "--out", "{tmp}/lists");
        add("train", "--data", "train", "--data", "{missing}/t.csv", "--model", "logreg", "--out", "{tmp}/m.gkm");
        add("train", "--model", "train", "--data", "{table}", "--model", "{missing}/m.gkm", "--out", "{tmp}/m.gkm");
        add("train", "--train-list", "train", "--data", "{table}", "--model", "logreg", "--train-list", "{missing}/a.txt", "--valid-list", "{list}", "--out", "{tmp}/m.gkm");
        add("train", "--valid-list", "train", "--data", "{table}", "--model", "logreg", "--train-list", "{list}", "--valid-list", "{missing}/b.txt", "--out", "{tmp}/m.gkm");
        add("evaluate", "--model", "evaluate", "--model", "{missing}/m.gkm", "--data", "{table}");
        add("evaluate", "--data", "evaluate", "--data", "{missing}/t.csv");
        add("evaluate", "--list", "evaluate", "--data", "{table}", "--list", "{missing}/test.txt");
        add("classify", "--model", "classify", "--model", "{missing}/m.gkm", "{wav}");
        add("classify", "AUDIO", "classify", "{missing}/a.wav");
        add("serve", "--model", "serve", "--model", "{missing}/m.gkm", "--port", "0");
        add("batch", "INPUT", "batch", "--recipe", "gtzan58", "--out", "{tmp}/r.csv", "{missing}/music");
        add("batch", "--model", "batch", "--model", "{missing}/m.gkm", "--out", "{tmp}/r.csv", "{wav}");
        add("batch", "--data", "batch", "--recipe", "gtzan58", "--out", "{tmp}/r.csv", "--data", "{missing}/music");
        add("tag", "FILE", "tag", "{missing}/a.mp3");
        add("tag", "--data", "tag", "--data", "{missing}/music");
        add("tag", "--model", "tag", "--model", "{missing}/m.gkm", "{wav}");
        add("deep train", "--data", "deep", "train", "--data", "{missing}/music", "--out", "{tmp}/d.gkm");
        add("deep train", "--manifest", "deep", "train", "--manifest", "{missing}/m.csv", "--out", "{tmp}/d.gkm");
        add("deep train", "--artists", "deep", "train", "--manifest", "{table}", "--artists", "{missing}/artists.csv", "--cv", "2", "--out", "{tmp}/d.gkm");
        add("deep search", "--data", "deep", "search", "--data", "{missing}/music", "--out", "{tmp}/d.gkm");
        add("deep search", "--manifest", "deep", "search", "--manifest", "{missing}/m.csv", "--out", "{tmp}/d.gkm");
        add("deep eval", "--model", "deep", "eval", "--model", "{missing}/d.gkm", "--manifest", "{table}");
        add("deep eval", "--manifest", "deep", "eval", "--model", "{table}", "--manifest", "{missing}/m.csv");
        add("deep eval", "--data", "deep", "eval", "--model", "{table}", "--data", "{missing}/music");
        add("visualize", "AUDIO", "visualize", "{missing}/a.wav", "--model", "{table}", "--out", "{tmp}/viz");
        add("visualize", "--model", "visualize", "{wav}", "--model", "{missing}/d.gkm", "--out", "{tmp}/viz");
        add("backbone install", "--from", "backbone", "install", "mn04", "--from", "{missing}/mn04.pt");
        add("models list", "--dir", "models", "list", "--dir", "{missing}/bundles");
        add("models info", "MODEL", "models", "info", "{missing}/m.gkm");
    }

    @TempDir
    static Path tmp;
    static Map<String, String> files;

    @BeforeAll
    static void fixtures() throws IOException {
        Path wav = tmp.resolve("clip.wav");
        AotTraining.writeWav(wav, AotTraining.music(22050, 3, 1), 22050, 1);
        Path table = tmp.resolve("table.csv");
        StringBuilder sb = new StringBuilder("filename,tempo,rms_mean,label\n");
        for (int i = 0; i < 12; i++) sb.append("t").append(i).append(".wav,").append(90 + i).append(',').append(0.1 * i).append(',').append(i % 2 == 0 ? "rock" : "jazz").append('\n');
        Files.writeString(table, sb);
        Path list = tmp.resolve("ids.txt");
        Files.writeString(list, "t0.wav\nt1.wav\n");
        files = Map.of("{wav}", wav.toString(), "{table}", table.toString(), "{list}", list.toString(),
                "{missing}", tmp.resolve("absent").toString(), "{tmp}", tmp.resolve("out").toString());
    }

    @TestFactory
    Stream<DynamicTest> aBadOptionIsOneLineAndExitCode2() {
        return CommandTree.all().stream().map(c -> DynamicTest.dynamicTest(String.join(" ", CommandTree.path(c)) + " --no-such-option", () -> {
            List<String> args = new ArrayList<>(CommandTree.path(c));
            args.add("--no-such-option");
            CommandTree.Run r = CommandTree.run(args);
            assertEquals(Main.EXIT_USAGE, r.code(), r.err());
            assertEquals(List.of(c.getCommandSpec().qualifiedName() + ": unknown option '--no-such-option' (see '"
                    + c.getCommandSpec().qualifiedName() + " --help')"), r.errLines());
            assertEquals("", r.out());
        }));
    }

    @Test
    void everyInputOfEveryCommandHasAMissingFileCase() {
        List<String> uncovered = new ArrayList<>();
        for (CommandLine c : CommandTree.leaves()) {
            String name = String.join(" ", CommandTree.path(c));
            Set<String> covered = new LinkedHashSet<>();
            for (Case k : MISSING.getOrDefault(name, List.of())) covered.add(k.input());
            for (String input : inputs(c)) {
                if (!covered.contains(input)) uncovered.add(name + " " + input);
            }
        }
        assertEquals(List.of(), uncovered, "inputs without a case in CommandErrorsTest.MISSING (or add an output option to OUTPUTS)");
    }

    @TestFactory
    Stream<DynamicTest> aMissingInputIsOneLineNamingItWithoutAStackTrace() {
        Map<String, CommandLine> commands = new LinkedHashMap<>();
        for (CommandLine c : CommandTree.leaves()) commands.put(String.join(" ", CommandTree.path(c)), c);
        return MISSING.entrySet().stream().flatMap(e -> e.getValue().stream().map(k -> DynamicTest.dynamicTest(e.getKey() + " " + k.input(), () -> {
            assumeTrue(commands.containsKey(e.getKey()) && takes(commands.get(e.getKey()), k.input()),
                    "no command '" + e.getKey() + "' with " + k.input() + " in this build");
            List<String> args = k.args().stream().map(CommandErrorsTest::expand).toList();
            String missing = args.stream().filter(a -> a.startsWith(files.get("{missing}"))).findFirst().orElseThrow();
            long t0 = System.nanoTime();
            // Preemptive: serve would block forever if it started despite the missing model.
            CommandTree.Run r = assertTimeoutPreemptively(Duration.ofSeconds(120), () -> CommandTree.run(args));
            double seconds = (System.nanoTime() - t0) / 1e9;
            String prefix = "genrekit " + e.getKey() + ": ";
            assertFalse(r.err().contains("\tat "), r.err());
            assertFalse(r.err().contains("Exception"), r.err());
            if (r.code() == Main.EXIT_PARTIAL) {
                // One of many inputs: the command goes on and says which failed; the first line names it.
                assertTrue(r.errLines().stream().anyMatch(l -> l.startsWith(prefix) && l.contains(missing)), r.err());
            } else {
                assertEquals(Main.EXIT_USAGE, r.code(), r.err());
                assertEquals(1, r.errLines().size(), r.err());
                String line = r.errLines().get(0);
                assertTrue(line.startsWith(prefix), line);
                assertTrue(line.contains(missing), "names " + missing + ": " + line);
            }
            assertTrue(seconds < 30, "fails fast, before heavy loading: " + seconds + " s");
            assertFalse(Files.exists(Path.of(files.get("{missing}"))), "nothing created at the missing path");
        })));
    }

    private static String expand(String arg) {
        for (Map.Entry<String, String> f : files.entrySet()) {
            if (arg.startsWith(f.getKey())) return f.getValue() + arg.substring(f.getKey().length());
        }
        return arg;
    }

    /** Whether {@code c} has the option (any of its names, hidden ones too) or the parameter (by label). */
    private static boolean takes(CommandLine c, String input) {
        return c.getCommandSpec().findOption(input) != null
                || c.getCommandSpec().positionalParameters().stream().anyMatch(p -> p.paramLabel().equals(input));
    }

    /** What a command reads: Path-typed options and parameters except outputs, and --data/--model; hidden older names excluded. */
    static List<String> inputs(CommandLine c) {
        List<String> out = new ArrayList<>();
        for (ArgSpec a : c.getCommandSpec().args()) {
            if (a.hidden()) continue;
            String name = a instanceof OptionSpec o ? o.longestName() : ((PositionalParamSpec) a).paramLabel();
            boolean pathTyped = Path.class.equals(a.type()) || File.class.equals(a.type())
                    || Collection.class.isAssignableFrom(a.type()) && Path.class.equals(a.auxiliaryTypes()[0]);
            boolean named = a instanceof OptionSpec o && Stream.of(o.names()).anyMatch(NAMED_INPUTS::contains);
            boolean positionalInput = a instanceof PositionalParamSpec && (pathTyped || Set.of("INPUT", "FILE", "AUDIO", "SPEC", "SOURCE", "MODEL").contains(name));
            if (a instanceof OptionSpec o && Stream.of(o.names()).anyMatch(OUTPUTS::contains)) continue;
            if ((a instanceof OptionSpec && (pathTyped || named)) || positionalInput) out.add(name);
        }
        return out;
    }
}
