package org.genrekit.apps.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.genrekit.apps.cli.progress.ProgressBars;
import org.genrekit.core.progress.ProgressListener;
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
        return commandLine(null);
    }

    /**
     * Builds the command line for {@code args}: when they name a subcommand, only that one is
     * built. Building a subcommand loads its option types and their libraries (Parquet, Jetty,
     * DJL, XGBoost), which cost more than a whole {@code classify} of one clip; help and unknown
     * names still see every subcommand.
     */
    static CommandLine commandLine(String[] args) {
        CommandLine cl = new CommandLine(new Main());
        String wanted = firstWord(args);
        List<ServiceLoader.Provider<Subcommand>> all = ServiceLoader.load(Subcommand.class).stream().toList();
        List<ServiceLoader.Provider<Subcommand>> chosen = wanted == null ? all
                : all.stream().filter(p -> names(p.type()).contains(wanted)).toList();
        if (!versionOnly(args)) {
            for (ServiceLoader.Provider<Subcommand> p : chosen.isEmpty() ? all : chosen) {
                cl.addSubcommand(p.get());
            }
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

    /** The first argument when it may name a subcommand (not an option), else null. */
    private static String firstWord(String[] args) {
        if (args == null || args.length == 0 || args[0].startsWith("-")) return null;
        return args[0];
    }

    /** {@code genrekit --version} (or -V) alone needs no subcommand. */
    private static boolean versionOnly(String[] args) {
        return args != null && args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"));
    }

    /** A subcommand class's name and aliases, read from its annotation without building it. */
    private static List<String> names(Class<?> type) {
        Command c = type.getAnnotation(Command.class);
        if (c == null) return List.of();
        List<String> out = new ArrayList<>(List.of(c.aliases()));
        out.add(c.name());
        return out;
    }

    /** Runs the command line and returns its exit code (for tests). */
    public static int execute(String... args) {
        // The libraries report progress to the listener bound here; the CLI draws it as bars on stderr.
        return ProgressListener.runWith(new ProgressBars(), () -> commandLine(args).execute(args));
    }

    public static void main(String[] args) {
        CliLogging.install();
        System.exit(execute(args));
    }
}
