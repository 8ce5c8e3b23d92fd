package org.genrekit.audio;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A mono signal that can be read block by block, as many times as needed: a decoded
 * {@link Signal} in memory, or a file decoded again on each pass (so that hours of audio never
 * have to be held whole: 3 h at 22050 Hz are 952 MB of floats).
 */
public interface SignalSource {
    /** Rate of the samples {@link #stream} delivers. */
    int sampleRate() throws AudioDecodeException;

    /** Sends every sample, in order, to {@code sink}. Every call delivers the same samples. */
    StreamInfo stream(SampleSink sink) throws AudioDecodeException;

    /** The file, for messages (null for a signal in memory). */
    Path file();

    /** The whole signal in memory (as {@link AudioLoader#load}: all of it at once). */
    Signal whole() throws AudioDecodeException;

    /** The whole signal when it lasts at most {@code seconds}, else null (a file is then decoded only that far). */
    Signal wholeIfAtMost(double seconds) throws AudioDecodeException;

    /** A signal in memory, sent in blocks of 64 K samples. */
    static SignalSource of(Signal signal) {
        Objects.requireNonNull(signal, "signal");
        return new SignalSource() {
            @Override
            public int sampleRate() {
                return signal.sampleRate();
            }

            @Override
            public StreamInfo stream(SampleSink sink) {
                float[] y = signal.samples();
                for (int i = 0; i < y.length; i += 1 << 16) sink.accept(y, i, Math.min(1 << 16, y.length - i));
                return new StreamInfo(signal.sampleRate(), y.length);
            }

            @Override
            public Path file() {
                return null;
            }

            @Override
            public Signal whole() {
                return signal;
            }

            @Override
            public Signal wholeIfAtMost(double seconds) {
                return signal.durationSeconds() <= seconds ? signal : null;
            }
        };
    }

    /** {@code file} decoded with {@code options} on each pass ({@link AudioLoader#stream}). */
    static SignalSource of(Path file, LoadOptions options) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(options, "options");
        return new SignalSource() {
            @Override
            public int sampleRate() throws AudioDecodeException {
                return options.targetSampleRate() != 0 ? options.targetSampleRate() : AudioLoader.probe(file).sampleRate();
            }

            @Override
            public StreamInfo stream(SampleSink sink) throws AudioDecodeException {
                return AudioLoader.stream(file, options, sink);
            }

            @Override
            public Path file() {
                return file;
            }

            @Override
            public Signal whole() throws AudioDecodeException {
                return AudioLoader.load(file, options);
            }

            @Override
            public Signal wholeIfAtMost(double seconds) throws AudioDecodeException {
                return AudioLoader.loadIfAtMost(file, options, seconds);
            }
        };
    }
}
