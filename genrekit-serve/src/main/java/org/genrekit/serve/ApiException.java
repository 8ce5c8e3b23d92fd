package org.genrekit.serve;

/**
 * A request the service answers with a JSON error {@code {error, detail}}: {@code error} is a
 * stable machine-readable code (e.g. "not_audio"), {@code detail} a sentence for people.
 */
public final class ApiException extends RuntimeException {
    private final int status;
    private final String error;
    private final String detail;

    public ApiException(int status, String error, String detail) {
        super(status + " " + error + ": " + detail);
        this.status = status;
        this.error = error;
        this.detail = detail;
    }

    public int status() {
        return status;
    }

    public String error() {
        return error;
    }

    public String detail() {
        return detail;
    }
}
