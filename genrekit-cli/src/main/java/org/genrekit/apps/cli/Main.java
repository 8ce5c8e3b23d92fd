package org.genrekit.apps.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.genrekit.apps.cli.progress.ProgressBars;
import org.genrekit.core.progress.ProgressListener;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The {@code genrekit} command. Exit codes: 0 success, 2 user error (one line on stderr), 3 some
 * inputs of a multi-file command failed, 1 anything else. Commands are listed in the order of
 * {@code META-INF/services/org.genrekit.apps.cli.Subcommand} (the pipeline's order).
 * <p>Help options, the version, {@code --debug}, the help width and the exit-code list are
 * declared once here and inherited by every subcommand ({@code scope = INHERIT}).
 */
@Command(name = "genrekit", scope = ScopeType.INHERIT, mixinStandardHelpOptions = true, versionProvider = Version.class,
        usageHelpAutoWidth = true, usageHelpWidth = 100,
        description = "Music genre recognition: features, datasets, models, evaluation, service, batch.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:success", "1:an unexpected error (run with --debug for the stack trace)",
                "2:a user error: bad option or value, missing or unreadable input, unknown name",
                "3:some inputs of a multi-file command failed (the others were done)"})
public final class Main {
    public static final int EXIT_OK = 0;
    public static final int EXIT_FAILURE = 1;
    public static final int EXIT_USAGE = 2;
    public static final int EXIT_PARTIAL = 3;

    @Option(names = "--debug", scope = ScopeType.INHERIT, description = "On an error, also print its stack trace.")
    boolean debug;

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
        Main main = new Main();
        CommandLine cl = new CommandLine(main);
        String wanted = firstWord(args);
        List<ServiceLoader.Provider<Subcommand>> all = ServiceLoader.load(Subcommand.class).stream().toList();
        List<ServiceLoader.Provider<Subcommand>> chosen = wanted == null ? all
                : all.stream().filter(p -> names(p.type()).contains(wanted)).toList();
        if (!versionOnly(args)) {
            for (ServiceLoader.Provider<Subcommand> p : chosen.isEmpty() ? all : chosen) {
                cl.addSubcommand(p.get());
            }
        }
        ErrorPolicy policy = new ErrorPolicy(() -> main.debug);
        cl.setParameterExceptionHandler(policy::onParameterError);
        cl.setExecutionExceptionHandler(policy::onExecutionError);
        cl.setExecutionStrategy(Main::run);
        return cl;
    }

    /**
     * Runs the last command given. A group given without a command ({@code genrekit},
     * {@code genrekit features}) prints its help on stderr and exits 2: nothing was done.
     */
    private static int run(CommandLine.ParseResult parsed) {
        Integer help = CommandLine.executeHelpRequest(parsed);
        if (help != null) return help;
        CommandLine.ParseResult last = parsed;
        while (last.hasSubcommand()) last = last.subcommand();
        CommandLine line = last.commandSpec().commandLine();
        if (!line.getSubcommands().isEmpty()) {
            line.usage(line.getErr());
            line.getErr().flush();
            return EXIT_USAGE;
        }
        return new CommandLine.RunLast().execute(parsed);
    }

    /** The first argument when it may name a subcommand (not an option), else null. */
    private static String firstWord(String[] args) {
        if (args == null) return null;
        for (String a : args) {
            if (!a.equals("--debug")) return a.startsWith("-") ? null : a;
        }
        return null;
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
