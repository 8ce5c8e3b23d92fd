package org.genrekit.apps.cli;

import java.util.ServiceLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code genrekit} command. Exit codes: 0 success, 2 usage error, 3 partial failure (some
 * inputs failed), 1 anything else.
 */
@Command(name = "genrekit", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Music genre recognition: features, datasets, models, evaluation, service, batch.",
        subcommandsRepeatable = false)
public final class Main implements Runnable {
    public static final int EXIT_OK = 0;
    public static final int EXIT_FAILURE = 1;
    public static final int EXIT_USAGE = 2;
    public static final int EXIT_PARTIAL = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.err);
    }

    /** Builds the command line with every registered subcommand. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        for (Subcommand sc : ServiceLoader.load(Subcommand.class)) {
            cl.addSubcommand(sc);
        }
        cl.setExitCodeExceptionMapper(ex -> ex instanceof CommandLine.ParameterException ? EXIT_USAGE : EXIT_FAILURE);
        cl.setExecutionExceptionHandler(Main::report);
        cl.getCommandSpec().exitCodeOnInvalidInput(EXIT_USAGE);
        return cl;
    }

    /**
     * A command that cannot go on because of its input (a damaged model file, a table with a NaN,
     * data a model cannot learn from) says so in one line naming the file and reason; anything
     * else is our bug and keeps its stack trace ({@code -Dgenrekit.trace=true} shows it always).
     */
    private static int report(Exception ex, CommandLine line, CommandLine.ParseResult parsed) {
        java.io.PrintWriter err = line.getErr();
        boolean input = ex instanceof java.io.IOException || ex instanceof java.io.UncheckedIOException
                || ex instanceof IllegalArgumentException;
        if (input && ex.getMessage() != null && !Boolean.getBoolean("genrekit.trace")) {
            err.println(line.getCommandSpec().qualifiedName() + ": " + ex.getMessage());
        } else {
            ex.printStackTrace(err);
        }
        err.flush();
        return EXIT_FAILURE;
    }

    /** Runs the command line and returns its exit code (for tests). */
    public static int execute(String... args) {
        return commandLine().execute(args);
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }
}
