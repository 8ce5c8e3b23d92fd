package org.genrekit.spark;

import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.genrekit.audio.Resampler;
import org.genrekit.audio.ffmpeg.FfmpegDecoder;
import org.genrekit.audio.resample.SoxrLibrary;

/**
 * Which native libraries a JVM decodes MP3 and resamples with. Both have silent fallbacks in
 * genrekit-audio (FFmpeg's MP3 decoder for libsndfile, a pure-Java sinc for libsoxr) that give
 * close to, not exactly, librosa's samples; every result row records what its executor used.
 *
 * @param mp3Decoder {@value #LIBSNDFILE} or {@value #FFMPEG}
 * @param resampler  {@value #LIBSOXR} or {@value #JAVA_SINC}
 */
record Natives(String mp3Decoder, String resampler) implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;
    static final String LIBSNDFILE = "libsndfile";
    static final String FFMPEG = "ffmpeg";
    static final String LIBSOXR = "libsoxr";
    static final String JAVA_SINC = "java-sinc";

    /** What this JVM uses. */
    static Natives here() {
        return new Natives(FfmpegDecoder.libsndfileMp3() ? LIBSNDFILE : FFMPEG,
                Resampler.backend() == Resampler.Backend.LIBSOXR ? LIBSOXR : JAVA_SINC);
    }

    /** Both native libraries are in use: results are librosa's, bit for bit. */
    boolean complete() {
        return mp3Decoder.equals(LIBSNDFILE) && resampler.equals(LIBSOXR);
    }

    /** The summary's key: {@code mp3Decoder/resampler}. */
    String key() {
        return mp3Decoder + "/" + resampler;
    }

    /** What is missing and what is used instead, in one line (empty when complete). */
    String problems() {
        List<String> p = new ArrayList<>();
        if (!mp3Decoder.equals(LIBSNDFILE)) {
            p.add("libsndfile.so.1 is not loadable (install libsndfile1), so MP3 is decoded by FFmpeg, close to but not bit-identical with librosa");
        }
        if (!resampler.equals(LIBSOXR)) {
            String why = SoxrLibrary.unavailableReason();
            p.add("libsoxr is not used" + (why == null ? "" : " (" + why + ")") + " (install libsoxr0), so audio is resampled by the pure-Java sinc resampler");
        }
        return String.join("; ", p);
    }
}
