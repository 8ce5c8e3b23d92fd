package org.genrekit.batch;

import org.genrekit.models.TrackPolicy;
import picocli.CommandLine.Option;

/**
 * The track-policy options every predicting command shares ({@code classify}, {@code batch},
 * {@code tag}, the Spark job), a picocli mixin mapped onto one {@link TrackPolicy}; the HTTP API
 * takes the same parameters under the same names.
 */
public final class PolicyOptions {
    @Option(names = "--offset", paramLabel = "S", defaultValue = "0", description = "start reading each file S seconds in (default: ${DEFAULT-VALUE})")
    double offset;

    @Option(names = "--duration", paramLabel = "S", defaultValue = "0", description = "read at most S seconds after the offset (default: 0, to the end)")
    double duration;

    @Option(names = "--window", paramLabel = "S", defaultValue = "0", description = "window length in seconds (default: 0, the clip length the model was trained on, 30 s for GTZAN models)")
    double window;

    @Option(names = "--hop", paramLabel = "S", defaultValue = "0", description = "seconds between window starts, less than --window overlaps them (default: 0, the window)")
    double hop;

    @Option(names = "--tail", paramLabel = "weighted|dropped", defaultValue = "weighted",
            description = "the partial last window counts by its duration (weighted) or not at all (default: ${DEFAULT-VALUE})")
    String tail;

    @Option(names = "--min-tail", paramLabel = "S", defaultValue = "5", description = "a shorter tail is dropped (default: ${DEFAULT-VALUE})")
    double minTail;

    @Option(names = "--top", paramLabel = "K", defaultValue = "3", description = "the K most probable genres in each answer (default: ${DEFAULT-VALUE})")
    int top;

    /** The policy asked for; {@link IllegalArgumentException} with the policy's own message when a value is invalid. */
    public TrackPolicy policy() {
        return new TrackPolicy(window, hop, TrackPolicy.Tail.of(tail), minTail, offset, duration);
    }

    public int top() {
        if (top < 1) throw new IllegalArgumentException("--top must be >= 1, got " + top);
        return top;
    }
}
