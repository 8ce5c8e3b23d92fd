package org.genrekit.apps.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.genrekit.backbone.store.BackboneMissingException;
import org.genrekit.models.bundle.BundleException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Which exceptions are the user's (exit 2) and which are ours (exit 1), and what {@code --debug} adds. */
class ErrorPolicyTest {
    @Command(name = "boom")
    static final class Boom implements Callable<Integer> {
        final Exception toThrow;

        Boom(Exception toThrow) {
            this.toThrow = toThrow;
        }

        @Override
        public Integer call() throws Exception {
            throw toThrow;
        }
    }

    record Outcome(int code, List<String> lines) {
    }

    private static Outcome run(Exception e, boolean debug) {
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new Boom(e));
        cl.setErr(new PrintWriter(err, true));
        ErrorPolicy policy = new ErrorPolicy(() -> debug);
        cl.setExecutionExceptionHandler(policy::onExecutionError);
        cl.setParameterExceptionHandler(policy::onParameterError);
        int code = cl.execute();
        return new Outcome(code, err.toString().lines().toList());
    }

    @Test
    void userErrorsAreOneLineAndExitCode2() {
        assertEquals(new Outcome(Main.EXIT_USAGE, List.of("boom: x.wav: no such file or directory")), run(new NoSuchFileException("x.wav"), false));
        assertEquals(new Outcome(Main.EXIT_USAGE, List.of("boom: x.wav: no such file or directory")),
                run(new UncheckedIOException(new NoSuchFileException("x.wav")), false), "the I/O error inside is what counts");
        assertEquals(new Outcome(Main.EXIT_USAGE, List.of("boom: m.gkm: no such model file")), run(new BundleException(Path.of("m.gkm"), "no such model file"), false));
        assertEquals(new Outcome(Main.EXIT_USAGE, List.of("boom: --hop must be > 0, got 0")), run(new IllegalArgumentException("--hop must be > 0, got 0"), false));
        assertEquals(new Outcome(Main.EXIT_USAGE, List.of("boom: mn04 is missing; install it")), run(new BackboneMissingException("mn04", "mn04 is missing; install it"), false));
        assertEquals(new Outcome(Main.EXIT_USAGE, List.of("boom: give A or B")), run(new UsageException("give A or B"), false));
    }

    @Test
    void anythingElseIsOneLineThatPointsToDebugAndExitCode1() {
        assertEquals(new Outcome(Main.EXIT_FAILURE, List.of("boom: IllegalStateException: no frames (run with --debug for the stack trace)")),
                run(new IllegalStateException("no frames"), false));
        assertEquals(new Outcome(Main.EXIT_FAILURE, List.of("boom: disk full (run with --debug for the stack trace)")), run(new IOException("disk full"), false));
        assertEquals(new Outcome(Main.EXIT_FAILURE, List.of("boom: java.lang.NullPointerException (run with --debug for the stack trace)")),
                run(new NullPointerException(), false));
        assertEquals(new Outcome(Main.EXIT_FAILURE, List.of("boom: IllegalStateException: two lines (run with --debug for the stack trace)")),
                run(new IllegalStateException("two\n  lines"), false), "a message with line breaks is one line");
    }

    @Test
    void debugAddsTheStackTraceAfterTheLine() {
        Outcome o = run(new IllegalStateException("no frames"), true);
        assertEquals(Main.EXIT_FAILURE, o.code());
        assertEquals("boom: IllegalStateException: no frames (run with --debug for the stack trace)", o.lines().get(0));
        assertTrue(o.lines().stream().anyMatch(l -> l.startsWith("\tat ")), o.lines().toString());
        Outcome user = run(new NoSuchFileException("x.wav"), true);
        assertEquals(Main.EXIT_USAGE, user.code());
        assertTrue(user.lines().size() > 1 && user.lines().get(1).contains("NoSuchFileException"), user.lines().toString());
    }

    @Test
    void anUnknownCommandGetsTheCloseOnesOrTheList() {
        CommandTree.Run typo = CommandTree.run(List.of("features", "extrct"));
        assertEquals(Main.EXIT_USAGE, typo.code());
        assertEquals(List.of("genrekit features: unknown command 'extrct'; did you mean extract? (see 'genrekit features --help')"), typo.errLines());
        CommandTree.Run far = CommandTree.run(List.of("features", "zzz"));
        assertEquals(Main.EXIT_USAGE, far.code());
        assertEquals(List.of("genrekit features: unknown command 'zzz'; the commands are dump, extract (see 'genrekit features --help')"), far.errLines());
        CommandTree.Run option = CommandTree.run(List.of("features", "extract", "--recipee", "gtzan58"));
        assertEquals(List.of("genrekit features extract: unknown option '--recipee'; did you mean --recipe? (see 'genrekit features extract --help')"),
                option.errLines(), "the unknown option is named, not the required one it hides");
    }

    @Test
    void debugIsAGlobalOptionAcceptedBeforeOrAfterTheCommand(@TempDir Path dir) {
        String missing = dir.resolve("absent.wav").toString();
        for (List<String> args : List.of(List.of("--debug", "features", "dump", missing, "--out", dir.toString()),
                List.of("features", "dump", missing, "--out", dir.toString(), "--debug"))) {
            CommandTree.Run r = CommandTree.run(args);
            assertEquals(Main.EXIT_USAGE, r.code(), r.err());
            assertTrue(r.errLines().get(0).startsWith("genrekit features dump: " + missing), r.err());
            assertTrue(r.err().contains("\tat "), "stack trace with --debug: " + r.err());
        }
        CommandTree.Run plain = CommandTree.run(List.of("features", "dump", missing, "--out", dir.toString()));
        assertFalse(plain.err().contains("\tat "), plain.err());
    }
}
