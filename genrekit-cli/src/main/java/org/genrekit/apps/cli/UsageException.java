package org.genrekit.apps.cli;

/**
 * The command line, or an input it names, cannot work: a missing file, an unknown name, a value
 * out of range. {@link Main} prints the message as one line and exits with {@link Main#EXIT_USAGE}.
 * Commands throw it where picocli's {@code ParameterException} would need the command's spec.
 */
public final class UsageException extends RuntimeException {
    public UsageException(String message) {
        super(message);
    }

    public UsageException(String message, Throwable cause) {
        super(message, cause);
    }
}
