package org.genrekit.audio;

import java.nio.file.Path;
import java.util.Objects;
import org.genrekit.audio.ffmpeg.FfmpegDecoder;

/**
 * Decodes any file FFmpeg reads (wav, au, aiff, flac, mp3, ogg, m4a ...) to a mono signal, as
 * {@code librosa.load} does: channel mean, gapless MP3, high-quality band-limited resampling.
 * Thread-safe: many files may be decoded at once.
 */
public final class AudioLoader {
    private AudioLoader() {
    }

    /** Decodes {@code file} with {@code options}; every failure is an {@link AudioDecodeException}. */
    public static Signal load(Path file, LoadOptions options) throws AudioDecodeException {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(options, "options");
        FfmpegDecoder.Decoded d = FfmpegDecoder.decode(file, options.offsetSeconds(), options.durationSeconds(),
                options.maxFileSeconds());
        int target = options.targetSampleRate();
        if (target == 0 || target == d.sampleRate()) {
            return new Signal(d.samples(), d.sampleRate());
        }
        // librosa resamples after the offset/duration cut and the downmix; so do we.
        return new Signal(Resampler.resample(d.samples(), d.sampleRate(), target), target);
    }

    /** Reads the header only (fast; used by dataset scans). */
    public static AudioInfo probe(Path file) throws AudioDecodeException {
        Objects.requireNonNull(file, "file");
        return FfmpegDecoder.probe(file);
    }
}
