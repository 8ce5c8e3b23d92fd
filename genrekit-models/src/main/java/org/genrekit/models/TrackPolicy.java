package org.genrekit.models;

import java.io.Serializable;
import java.util.Locale;
import org.genrekit.audio.LoadOptions;

/**
 * How a track becomes one answer, the same for every command ({@code classify}, {@code batch},
 * {@code tag}, the HTTP API, the Spark job) and every kind of model: which part of the file is
 * read ({@code offset}, {@code duration}), how it is cut into windows ({@code window}, {@code hop})
 * and what a partial last window counts for ({@code tail}, {@code minTail}). {@link TrackPredictor}
 * applies it.
 *
 * <p>Defaults ({@link #DEFAULT}), chosen once: the window is the clip length the model was trained
 * on (0 here), because a model scores best on the clip length it learned from (30 s for the GTZAN
 * models); the hop equals the window, so every second counts once and cost grows linearly with the
 * track; a tail counts by its duration (a 10 s tail after a 30 s window weighs 1/3), so a song's last
 * seconds neither vanish nor outweigh a full window; tails under 5 s are dropped, since summary
 * features over fewer frames are mostly noise; the whole file is read.
 *
 * @param windowSeconds   window length, or 0 for the model's own clip length ({@link GenreClassifier#clipSeconds()})
 * @param hopSeconds      distance between window starts (less than the window overlaps them), or 0 for the window
 * @param tail            what the partial window at the end counts for
 * @param minTailSeconds  with {@link Tail#WEIGHTED_BY_DURATION}: a shorter tail is dropped
 * @param offsetSeconds   start reading here
 * @param durationSeconds read at most this much after the offset, or 0 for the rest of the file
 *                        (Serializable: the Spark job ships it to executors)
 */
public record TrackPolicy(double windowSeconds, double hopSeconds, Tail tail, double minTailSeconds,
                          double offsetSeconds, double durationSeconds) implements Serializable {
    /** What the partial window at a track's end counts for. */
    public enum Tail {
        /** Weighted by its duration over the window's. */
        WEIGHTED_BY_DURATION,
        /** Not counted (a track shorter than one window is still one window). */
        DROPPED;

        /** {@code weighted} or {@code dropped}, as options and results spell it. */
        public String id() {
            return this == WEIGHTED_BY_DURATION ? "weighted" : "dropped";
        }

        public static Tail of(String id) {
            return switch (id.toLowerCase(Locale.ROOT)) {
                case "weighted" -> WEIGHTED_BY_DURATION;
                case "dropped" -> DROPPED;
                default -> throw new IllegalArgumentException("tail must be weighted or dropped, got '" + id + "'");
            };
        }
    }

    public static final double DEFAULT_MIN_TAIL_SECONDS = 5;
    public static final TrackPolicy DEFAULT = new TrackPolicy(0, 0, Tail.WEIGHTED_BY_DURATION, DEFAULT_MIN_TAIL_SECONDS, 0, 0);

    public TrackPolicy {
        if (!(windowSeconds >= 0) || Double.isInfinite(windowSeconds)) {
            throw new IllegalArgumentException("window must be a finite number of seconds >= 0 (0: the model's clip length), got " + windowSeconds);
        }
        if (!(hopSeconds >= 0) || Double.isInfinite(hopSeconds)) {
            throw new IllegalArgumentException("hop must be a finite number of seconds >= 0 (0: the window), got " + hopSeconds);
        }
        if (windowSeconds > 0 && hopSeconds > windowSeconds) {
            throw new IllegalArgumentException("hop must be <= window (" + windowSeconds + " s), got " + hopSeconds + " s: audio between windows would be skipped");
        }
        if (tail == null) throw new IllegalArgumentException("tail must be weighted or dropped, got null");
        if (!(minTailSeconds >= 0) || Double.isInfinite(minTailSeconds)) {
            throw new IllegalArgumentException("min tail must be a finite number of seconds >= 0, got " + minTailSeconds);
        }
        if (!(offsetSeconds >= 0) || Double.isInfinite(offsetSeconds)) {
            throw new IllegalArgumentException("offset must be a finite number of seconds >= 0, got " + offsetSeconds);
        }
        if (!(durationSeconds >= 0) || Double.isInfinite(durationSeconds)) {
            throw new IllegalArgumentException("duration must be a finite number of seconds >= 0 (0: to the end), got " + durationSeconds);
        }
    }

    public TrackPolicy withWindow(double seconds, double hop) {
        return new TrackPolicy(seconds, hop, tail, minTailSeconds, offsetSeconds, durationSeconds);
    }

    public TrackPolicy withTail(Tail t, double minSeconds) {
        return new TrackPolicy(windowSeconds, hopSeconds, t, minSeconds, offsetSeconds, durationSeconds);
    }

    public TrackPolicy withRange(double offset, double duration) {
        return new TrackPolicy(windowSeconds, hopSeconds, tail, minTailSeconds, offset, duration);
    }

    /** The window for {@code model}: its own clip length unless one is set. */
    public double windowFor(GenreClassifier model) {
        return windowSeconds > 0 ? windowSeconds : model.clipSeconds();
    }

    /** The hop for {@code model}: the window unless one is set (capped at the window). */
    public double hopFor(GenreClassifier model) {
        double w = windowFor(model);
        return hopSeconds > 0 ? Math.min(hopSeconds, w) : w;
    }

    /** The model's load options narrowed to this policy's part of the file. */
    public LoadOptions loadOptions(GenreClassifier model) {
        return model.loadOptions().withOffset(offsetSeconds).withDuration(durationSeconds);
    }

    /**
     * This policy with a server's limit on top: at most {@code maxSeconds} are analysed (0: no
     * limit), whatever duration was asked for.
     */
    public TrackPolicy capDuration(double maxSeconds) {
        if (maxSeconds <= 0) return this;
        double d = durationSeconds == 0 ? maxSeconds : Math.min(durationSeconds, maxSeconds);
        return withRange(offsetSeconds, d);
    }
}
