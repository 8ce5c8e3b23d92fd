package org.genrekit.audio;

import java.nio.file.Path;
import java.util.Objects;
import org.genrekit.audio.ffmpeg.FfmpegDecoder;
import org.genrekit.audio.resample.StreamingResampler;

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

    /**
     * {@link #load}, but only when the file (after the offset) lasts at most {@code maxSeconds}
     * (or the options' own duration is that short); null when it goes on: decoding stops there.
     */
    public static Signal loadIfAtMost(Path file, LoadOptions options, double maxSeconds) throws AudioDecodeException {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(options, "options");
        if (options.durationSeconds() > 0 && options.durationSeconds() <= maxSeconds) return load(file, options);
        FfmpegDecoder.Decoded d = FfmpegDecoder.decodeIfAtMost(file, options.offsetSeconds(), maxSeconds, options.maxFileSeconds());
        if (d == null) return null;
        int target = options.targetSampleRate();
        if (target == 0 || target == d.sampleRate()) return new Signal(d.samples(), d.sampleRate());
        return new Signal(Resampler.resample(d.samples(), d.sampleRate(), target), target);
    }

    /**
     * Decodes {@code file} with {@code options} block by block into {@code sink}: the same samples
     * {@link #load} returns, at any length, in bounded memory (a few blocks and the resampler's
     * state; without libsoxr the resampler needs the whole signal). Errors found at the end of the
     * file (cut short) are thrown after the sink has seen what came before.
     */
    public static StreamInfo stream(Path file, LoadOptions options, SampleSink sink) throws AudioDecodeException {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(sink, "sink");
        int target = options.targetSampleRate();
        StreamingResampler[] resampler = {null};
        try {
            StreamInfo info = FfmpegDecoder.stream(file, options.offsetSeconds(), options.durationSeconds(), options.maxFileSeconds(),
                    rate -> {
                        if (target == 0 || target == rate) return sink;
                        resampler[0] = new StreamingResampler(rate, target, sink);
                        return resampler[0];
                    });
            return resampler[0] == null ? info : new StreamInfo(target, resampler[0].finish());
        } finally {
            if (resampler[0] != null) resampler[0].close();
        }
    }

    /** Reads the header only (fast; used by dataset scans). */
    public static AudioInfo probe(Path file) throws AudioDecodeException {
        Objects.requireNonNull(file, "file");
        return FfmpegDecoder.probe(file);
    }
}
