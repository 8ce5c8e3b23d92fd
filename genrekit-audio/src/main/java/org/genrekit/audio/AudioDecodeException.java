package org.genrekit.audio;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The one typed error for audio that cannot be read. It always names the file and the reason, so
 * that a batch over 10,000 files can report and skip a bad one.
 */
public final class AudioDecodeException extends IOException {
    /** Why a file could not be used; stable names, used in error CSVs and HTTP error codes. */
    public enum Reason {
        NOT_FOUND, EMPTY_FILE, NOT_AUDIO, NO_AUDIO_STREAM, UNSUPPORTED_CODEC, TRUNCATED,
        INVALID_SAMPLES, TOO_LONG, TOO_SHORT, IO_ERROR,
        /** The samples decoded, but features or a model's probabilities computed from them are NaN or infinite (e.g. samples of 1e30). */
        NON_FINITE_FEATURES
    }

    private final Path file;
    private final Reason reason;

    public AudioDecodeException(Path file, Reason reason, String detail) {
        this(file, reason, detail, null);
    }

    public AudioDecodeException(Path file, Reason reason, String detail, Throwable cause) {
        super(file + ": " + reason.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                + (detail == null || detail.isBlank() ? "" : ": " + detail), cause);
        this.file = file;
        this.reason = reason;
    }

    public Path file() {
        return file;
    }

    public Reason reason() {
        return reason;
    }
}
