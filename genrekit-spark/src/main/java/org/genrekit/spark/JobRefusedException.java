package org.genrekit.spark;

import java.io.Serial;

/** The driver refuses to start the job as asked (another job's output folder, a missing backbone ...); the message is one line. */
public final class JobRefusedException extends IllegalStateException {
    @Serial
    private static final long serialVersionUID = 1L;

    public JobRefusedException(String message) {
        super(message);
    }
}
