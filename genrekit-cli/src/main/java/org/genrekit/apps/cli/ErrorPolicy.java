package org.genrekit.apps.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.genrekit.audio.AudioDecodeException;
import org.genrekit.backbone.store.BackboneMissingException;
import org.genrekit.data.UnusableDataException;
import org.genrekit.features.NonFiniteFeaturesException;
import org.genrekit.models.bundle.BundleException;
import picocli.CommandLine;

/**
 * The CLI's one error policy: what a failed command prints and its exit code. A user error (a bad
 * option, a missing or unreadable input, an unknown name, a value out of range, a damaged model
 * file) is one line {@code genrekit <command>: <message>} and exit 2; anything else is one line
 * that points to {@code --debug} and exit 1. With {@code --debug} the stack trace follows the line.
 * Per-file failures of multi-file commands are not exceptions: those commands return exit 3.
 */
final class ErrorPolicy {
    private final BooleanSupplier debug;

    ErrorPolicy(BooleanSupplier debug) {
        this.debug = debug;
    }

    /** picocli could not parse the arguments (unknown option, missing or bad value): one line, exit 2. */
    int onParameterError(CommandLine.ParameterException ex, String[] args) {
        CommandLine line = ex.getCommandLine();
        PrintWriter err = line.getErr();
        String name = line.getCommandSpec().qualifiedName();
        err.println(name + ": " + parseMessage(ex) + (syntax(ex) ? " (see '" + name + " --help')" : ""));
        if (debug.getAsBoolean()) ex.printStackTrace(err);
        err.flush();
        return Main.EXIT_USAGE;
    }

    /** A command threw: one line; exit 2 for user errors, else 1. */
    int onExecutionError(Exception ex, CommandLine line, CommandLine.ParseResult parsed) {
        PrintWriter err = line.getErr();
        Throwable cause = unwrap(ex);
        boolean user = isUserError(cause);
        String prefix = line.getCommandSpec().qualifiedName() + ": ";
        if (user) {
            err.println(prefix + message(cause));
        } else {
            err.println(prefix + message(cause) + " (run with --debug for the stack trace)");
        }
        if (debug.getAsBoolean()) ex.printStackTrace(err);
        err.flush();
        return user ? Main.EXIT_USAGE : Main.EXIT_FAILURE;
    }

    /** The arguments do not fit the command's syntax (as opposed to a value the command refused): help shows the syntax. */
    private static boolean syntax(CommandLine.ParameterException ex) {
        return !ex.getCommandLine().getUnmatchedArguments().isEmpty() || ex instanceof CommandLine.MissingParameterException
                || ex instanceof CommandLine.OverwrittenOptionException || ex instanceof CommandLine.MaxValuesExceededException
                || ex instanceof CommandLine.MutuallyExclusiveArgsException;
    }

    /**
     * An unknown option is reported as such even when picocli first finds a required option
     * missing (the missing one is usually a consequence of the typo); an unknown word after a
     * group gets picocli's close matches, else the group's commands.
     */
    static String parseMessage(CommandLine.ParameterException ex) {
        CommandLine line = ex.getCommandLine();
        List<String> unmatched = line.getUnmatchedArguments();
        if (!unmatched.isEmpty()) {
            String first = unmatched.get(0);
            List<String> close = ex instanceof CommandLine.UnmatchedArgumentException u ? u.getSuggestions() : List.of();
            String didYouMean = close.isEmpty() ? "" : "; did you mean " + String.join(" or ", close) + "?";
            if (first.startsWith("-")) return "unknown option '" + first + "'" + didYouMean;
            if (!line.getSubcommands().isEmpty()) {
                return "unknown command '" + first + "'" + (close.isEmpty() ? "; the commands are " + String.join(", ", line.getSubcommands().keySet()) : didYouMean);
            }
            return "unexpected argument '" + first + "'";
        }
        return oneLine(ex.getMessage());
    }

    /**
     * The user's to fix: the command line, an input it names or that input's content (a NaN in a
     * table, a damaged bundle). BackboneMissingException is an IllegalStateException but says what
     * to install; AudioDecodeException here is the single input of a one-file command (multi-file
     * commands count those per file).
     */
    static boolean isUserError(Throwable e) {
        return e instanceof CommandLine.ParameterException || e instanceof UsageException
                || e instanceof IllegalArgumentException || e instanceof BackboneMissingException
                || e instanceof BundleException || e instanceof AudioDecodeException
                || e instanceof NonFiniteFeaturesException || e instanceof UnusableDataException || e instanceof NoSuchFileException
                || e instanceof NotDirectoryException || e instanceof FileAlreadyExistsException;
    }

    /** The exception the user should hear about: the I/O error inside an UncheckedIOException. */
    static Throwable unwrap(Throwable e) {
        Throwable t = e;
        while (t instanceof UncheckedIOException || t instanceof CommandLine.ExecutionException) {
            if (t.getCause() == null) break;
            t = t.getCause();
        }
        return t;
    }

    /** One line that names the file where the exception knows it. */
    static String message(Throwable e) {
        if (e instanceof FileSystemException f && f.getReason() == null && f.getFile() != null) {
            String what = e instanceof NoSuchFileException ? "no such file or directory"
                    : e instanceof NotDirectoryException ? "not a directory"
                    : e instanceof FileAlreadyExistsException ? "already exists"
                    : e instanceof AccessDeniedException ? "permission denied" : e.getClass().getSimpleName();
            return f.getFile() + (f.getOtherFile() != null ? " -> " + f.getOtherFile() : "") + ": " + what;
        }
        String m = e.getMessage();
        if (m == null || m.isBlank()) return e.getClass().getName();
        boolean ours = isUserError(e) || e instanceof IOException;
        return oneLine(ours ? m : e.getClass().getSimpleName() + ": " + m);
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
