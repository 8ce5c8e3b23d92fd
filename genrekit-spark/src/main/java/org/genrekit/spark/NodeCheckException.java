package org.genrekit.spark;

import java.io.Serial;

/**
 * An executor cannot run the job as asked (native libraries missing under {@code --require-native},
 * a backbone or model that does not load there). Thrown from a task so that the job stops with this
 * message instead of writing an error row for every file; the driver prints it as one line.
 */
public final class NodeCheckException extends IllegalStateException {
    @Serial
    private static final long serialVersionUID = 1L;

    public NodeCheckException(String message) {
        super(message);
    }

    public NodeCheckException(String message, Throwable cause) {
        super(message, cause);
    }
}
