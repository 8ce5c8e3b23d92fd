package org.genrekit.serve;

import java.time.Duration;
import java.util.Objects;

/**
 * How long and how slowly an upload body may arrive. A request takes its place in the worker pool
 * before its body is read, so that a saturated server answers 503 at once; these limits keep slow
 * clients from holding those places:
 * <ul>
 *   <li>a body not complete after {@code reserve} gives its worker place back (it keeps only an
 *       upload slot) and takes one again when it is complete, or gets 503 if none is free;</li>
 *   <li>at most {@code slots} bodies are received at once (beyond: 503 at once);</li>
 *   <li>after {@code grace}, a body arriving at less than {@code minBytesPerSecond} on average
 *       gets 408 {@code upload_too_slow}, and so does one still arriving after {@code deadline}.</li>
 * </ul>
 *
 * @param slots             bodies received at once; 0 for max(16, 4 x (workers + queue))
 * @param minBytesPerSecond least average transfer rate, checked from {@code grace} on
 * @param grace             time before the rate is judged (connection set-up, slow start)
 * @param deadline          the longest a whole body may take
 * @param reserve           how long a body in progress keeps its worker place
 */
public record UploadLimits(int slots, long minBytesPerSecond, Duration grace, Duration deadline, Duration reserve) {
    public UploadLimits {
        if (slots < 0) throw new IllegalArgumentException("upload slots must be >= 0 (0 = automatic), got " + slots);
        if (minBytesPerSecond < 0) throw new IllegalArgumentException("minimum upload rate must be >= 0 bytes/s, got " + minBytesPerSecond);
        positive("upload grace", grace);
        positive("upload deadline", deadline);
        positive("upload reserve", reserve);
    }

    /** 8 KB/s after 5 s, 120 s in all, worker place kept 2 s, automatic slot count. */
    public static UploadLimits defaults() {
        return new UploadLimits(0, 8 * 1024, Duration.ofSeconds(5), Duration.ofSeconds(120), Duration.ofSeconds(2));
    }

    /** The slot count for a pool of {@code places} (workers + queue). */
    int slotsFor(int places) {
        return slots > 0 ? slots : Math.max(16, 4 * places);
    }

    public UploadLimits withSlots(int v) { return new UploadLimits(v, minBytesPerSecond, grace, deadline, reserve); }
    public UploadLimits withMinBytesPerSecond(long v) { return new UploadLimits(slots, v, grace, deadline, reserve); }
    public UploadLimits withGrace(Duration v) { return new UploadLimits(slots, minBytesPerSecond, v, deadline, reserve); }
    public UploadLimits withDeadline(Duration v) { return new UploadLimits(slots, minBytesPerSecond, grace, v, reserve); }
    public UploadLimits withReserve(Duration v) { return new UploadLimits(slots, minBytesPerSecond, grace, deadline, v); }

    private static void positive(String name, Duration d) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) throw new IllegalArgumentException(name + " must be > 0, got " + d);
    }
}
