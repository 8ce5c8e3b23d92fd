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
        cl.getCommandSpec().exitCodeOnInvalidInput(EXIT_USAGE);
        return cl;
    }

    /** Runs the command line and returns its exit code (for tests). */
    public static int execute(String... args) {
        return commandLine().execute(args);
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }
}
