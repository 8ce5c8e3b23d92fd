package org.genrekit.audio;

import java.util.List;
import java.util.Objects;

/**
 * One row of a failures file, the same layout in every command that writes one ({@code features
 * extract}'s {@code .errors.csv}, {@code batch}'s {@code .failures.csv}, {@code dataset scan --csv}):
 * {@code file,stage,error_type,message}.
 *
 * @param file      the file as the command names it (absolute for batch, so that {@code --resume} finds it)
 * @param stage     where it failed: one of {@link #STAGES}
 * @param errorType a stable name ({@link Failures#reason}: an {@link AudioDecodeException.Reason}, OUT_OF_MEMORY, ...)
 * @param message   one line for people
 */
public record FailureRecord(String file, String stage, String errorType, String message) {
    public static final List<String> COLUMNS = List.of("file", "stage", "error_type", "message");
    /** read: opening or fetching the file; decode: audio; features; predict: the model; tag: writing tags; scan: listing a dataset. */
    public static final List<String> STAGES = List.of("read", "decode", "features", "predict", "tag", "scan");

    public FailureRecord {
        Objects.requireNonNull(file, "file");
        if (!STAGES.contains(stage)) throw new IllegalArgumentException("stage must be one of " + STAGES + ", got '" + stage + "'");
        if (errorType == null || errorType.isBlank()) throw new IllegalArgumentException("errorType must not be blank");
        // one record per line in every format
        message = message == null ? "" : message.replace('\r', ' ').replace('\n', ' ');
    }

    /** The failure of {@code file} at {@code stage} by {@code t}: its stable type and message. */
    public static FailureRecord of(Object file, String stage, Throwable t) {
        return new FailureRecord(String.valueOf(file), stage, Failures.reason(t), Failures.message(t));
    }

    /**
     * The stage of a failure of type {@code errorType} met during {@code stage}: an audio error
     * ({@link AudioDecodeException.Reason}) is decoding's, non-finite features the features',
     * anything else (out of memory, a bug) the stage it happened in.
     */
    public static String stageOf(String errorType, String stage) {
        if (errorType.equals(AudioDecodeException.Reason.NON_FINITE_FEATURES.name())) return "features";
        for (AudioDecodeException.Reason r : AudioDecodeException.Reason.values()) if (r.name().equals(errorType)) return "decode";
        return stage;
    }

    /** The values in {@link #COLUMNS} order. */
    public List<String> values() {
        return List.of(file, stage, errorType, message);
    }
}
