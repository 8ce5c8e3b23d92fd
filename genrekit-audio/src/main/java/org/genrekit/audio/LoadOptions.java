package org.genrekit.audio;

/**
 * How to load a file, mirroring {@code librosa.load}: target rate (0 keeps the file's own rate),
 * offset and duration in seconds, and an optional safety limit on the file's total duration.
 *
 * @param targetSampleRate   output rate in Hz, or 0 for the file's native rate
 * @param offsetSeconds      start reading here (&gt;= 0)
 * @param durationSeconds    read at most this much (&gt; 0), or 0 for everything after the offset
 * @param maxFileSeconds     reject files longer than this with {@link AudioDecodeException.Reason#TOO_LONG}, or 0 for no limit
 */
public record LoadOptions(int targetSampleRate, double offsetSeconds, double durationSeconds, double maxFileSeconds) {
    public static final int DEFAULT_SAMPLE_RATE = 22050;

    public LoadOptions {
        if (targetSampleRate < 0) throw new IllegalArgumentException("targetSampleRate must be >= 0, got " + targetSampleRate);
        if (!(offsetSeconds >= 0)) throw new IllegalArgumentException("offsetSeconds must be >= 0, got " + offsetSeconds);
        if (!(durationSeconds >= 0)) throw new IllegalArgumentException("durationSeconds must be >= 0, got " + durationSeconds);
        if (!(maxFileSeconds >= 0)) throw new IllegalArgumentException("maxFileSeconds must be >= 0, got " + maxFileSeconds);
    }

    /** librosa.load's defaults: 22050 Hz mono, whole file. */
    public static LoadOptions defaults() {
        return new LoadOptions(DEFAULT_SAMPLE_RATE, 0, 0, 0);
    }

    public static LoadOptions atRate(int sampleRate) {
        return new LoadOptions(sampleRate, 0, 0, 0);
    }

    public LoadOptions withOffset(double seconds) {
        return new LoadOptions(targetSampleRate, seconds, durationSeconds, maxFileSeconds);
    }

    public LoadOptions withDuration(double seconds) {
        return new LoadOptions(targetSampleRate, offsetSeconds, seconds, maxFileSeconds);
    }

    public LoadOptions withMaxFileSeconds(double seconds) {
        return new LoadOptions(targetSampleRate, offsetSeconds, durationSeconds, seconds);
    }
}
