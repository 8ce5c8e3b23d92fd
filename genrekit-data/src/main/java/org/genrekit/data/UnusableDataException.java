package org.genrekit.data;

import java.io.IOException;

/**
 * Input data that cannot be used as it is: a malformed or incomplete feature table, a cell that
 * is not a finite number, a spec file without entries. The message names the file, and the line
 * and column where known. It is the user's to fix, unlike an I/O failure: the CLI prints it as one
 * line with its usage-error exit code.
 */
public final class UnusableDataException extends IOException {
    public UnusableDataException(String message) {
        super(message);
    }
}
