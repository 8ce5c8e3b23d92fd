package org.genrekit.serve;

/**
 * What a client asked for besides the audio.
 *
 * @param model       model name, or null for the default
 * @param segments    also answer per-segment probabilities
 * @param spectrogram also answer the log-mel spectrogram as a PNG data URL (the web page does)
 */
record ClassifyRequest(String model, boolean segments, boolean spectrogram) {
    static boolean flag(String name, String value) {
        if (value == null || value.isEmpty()) return false;
        return switch (value.toLowerCase(java.util.Locale.ROOT)) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw new ApiException(400, "bad_parameter", name + " must be true or false, got '" + value + "'");
        };
    }
}
