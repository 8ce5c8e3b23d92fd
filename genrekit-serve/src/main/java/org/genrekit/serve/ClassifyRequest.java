package org.genrekit.serve;

import java.util.Locale;
import java.util.function.UnaryOperator;
import org.genrekit.models.TrackPolicy;

/**
 * What a client asked for besides the audio.
 *
 * @param model       model name, or null for the default
 * @param windows     also answer each window's probabilities
 * @param spectrogram also answer the log-mel spectrogram as a PNG data URL (the web page does)
 * @param policy      the track policy asked for ({@code offset, duration, window, hop, tail, min_tail}), before the server's limits
 * @param top         genres in the answer's {@code top} list
 */
record ClassifyRequest(String model, boolean windows, boolean spectrogram, TrackPolicy policy, int top) {
    static final int DEFAULT_TOP = 3;
    /** Every parameter, as query parameter or form field ({@code segments}: the old name of {@code windows}). */
    static final java.util.Set<String> FIELDS = java.util.Set.of("model", "windows", "segments", "spectrogram",
            "offset", "duration", "window", "hop", "tail", "min_tail", "top");

    /**
     * Reads the request's parameters; a parameter left out takes the policy's default (the offset:
     * the server's {@code --offset}). A bad value is a 400 {@code bad_parameter} with the policy's message.
     */
    static ClassifyRequest of(UnaryOperator<String> param, ServeConfig config) {
        boolean windows = flag("windows", param.apply("windows")) || flag("segments", param.apply("segments"));
        try {
            TrackPolicy d = TrackPolicy.DEFAULT;
            String tail = param.apply("tail");
            TrackPolicy policy = new TrackPolicy(number(param, "window", d.windowSeconds()), number(param, "hop", d.hopSeconds()),
                    tail == null || tail.isEmpty() ? d.tail() : TrackPolicy.Tail.of(tail), number(param, "min_tail", d.minTailSeconds()),
                    number(param, "offset", config.offsetSeconds()), number(param, "duration", d.durationSeconds()));
            double top = number(param, "top", DEFAULT_TOP);
            if (top != Math.rint(top) || top < 1 || top > Integer.MAX_VALUE) throw new IllegalArgumentException("top must be an integer >= 1, got " + param.apply("top"));
            return new ClassifyRequest(param.apply("model"), windows, flag("spectrogram", param.apply("spectrogram")), policy, (int) top);
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, "bad_parameter", e.getMessage());
        }
    }

    private static double number(UnaryOperator<String> param, String name, double fallback) {
        String v = param.apply(name);
        if (v == null || v.isEmpty()) return fallback;
        try {
            return Double.parseDouble(v.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number, got '" + v + "'");
        }
    }

    static boolean flag(String name, String value) {
        if (value == null || value.isEmpty()) return false;
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw new ApiException(400, "bad_parameter", name + " must be true or false, got '" + value + "'");
        };
    }
}
