package org.genrekit.data.scan;

import org.genrekit.data.Track;

/**
 * What a scan found for one track.
 *
 * @param track           the track
 * @param problem         null when fine; else a reason: an {@code AudioDecodeException.Reason} name, {@code TOO_SHORT}, or {@code NOT_FOUND}
 * @param detail          the problem's message, or empty
 * @param sampleRate      Hz, 0 when unknown
 * @param channels        0 when unknown
 * @param durationSeconds NaN when unknown
 * @param codec           codec name, or empty
 */
public record ScanResult(Track track, String problem, String detail, int sampleRate, int channels,
                         double durationSeconds, String codec) {
    public boolean ok() {
        return problem == null;
    }

    /** Readable, but shorter than the dataset's minimum. */
    public boolean tooShort() {
        return "TOO_SHORT".equals(problem);
    }
}
