package org.genrekit.audio;

import java.nio.file.Path;

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
        throw new UnsupportedOperationException("AudioLoader.load is implemented by the audio work");
    }

    /** Reads the header only (fast; used by dataset scans). */
    public static AudioInfo probe(Path file) throws AudioDecodeException {
        throw new UnsupportedOperationException("AudioLoader.probe is implemented by the audio work");
    }
}
