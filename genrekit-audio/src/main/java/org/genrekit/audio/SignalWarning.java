package org.genrekit.audio;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Something about a decoded signal that makes any genre computed from it a guess, although it
 * decodes fine: very short or fully silent audio. Commands show it with the file's answer
 * (a stderr line naming the file; a {@code warnings} field in JSON) instead of a confident genre.
 *
 * @param code   stable name: {@link #SHORT_AUDIO} or {@link #SILENT_AUDIO}
 * @param detail one sentence for people
 */
public record SignalWarning(String code, String detail) {
    public static final String SHORT_AUDIO = "SHORT_AUDIO";
    public static final String SILENT_AUDIO = "SILENT_AUDIO";
    /** Less audio than this gives too few analysis frames for a genre. */
    public static final double MIN_SECONDS = 0.5;
    /** A peak below -80 dBFS (about 3 LSB of 16-bit audio) is silence. */
    public static final double SILENT_PEAK = 1e-4;

    /** The warnings for {@code signal} (empty for ordinary audio). */
    public static List<SignalWarning> of(Signal signal) {
        List<SignalWarning> out = new ArrayList<>(2);
        if (signal.durationSeconds() < MIN_SECONDS) {
            out.add(new SignalWarning(SHORT_AUDIO, String.format(Locale.ROOT,
                    "only %.3f s of audio (less than %.1f s): the genre is a guess", signal.durationSeconds(), MIN_SECONDS)));
        }
        double peak = 0;
        for (float v : signal.samples()) peak = Math.max(peak, Math.abs(v));
        if (peak < SILENT_PEAK) {
            out.add(new SignalWarning(SILENT_AUDIO, peak == 0 ? "the audio is digital silence: the genre is a guess"
                    : String.format(Locale.ROOT, "the audio is silent (peak %.1f dBFS): the genre is a guess", 20 * Math.log10(peak))));
        }
        return List.copyOf(out);
    }

    /** {@code short audio: only 0.200 s ...}, for a line that already names the file. */
    @Override
    public String toString() {
        return code.toLowerCase(Locale.ROOT).replace('_', ' ') + ": " + detail;
    }
}
