package org.genrekit.batch;

import java.nio.file.Path;
import org.genrekit.audio.AudioDecodeException;
import org.genrekit.audio.SampleSink;
import org.genrekit.audio.Signal;
import org.genrekit.audio.SignalSource;
import org.genrekit.audio.StreamInfo;

/** A {@link SignalSource} that remembers how long the signal was, however it was read (for the results' duration column). */
final class MeasuredSource implements SignalSource {
    private final SignalSource source;
    private double seconds = Double.NaN;

    MeasuredSource(SignalSource source) {
        this.source = source;
    }

    /** Duration of the signal last read, NaN before any read. */
    double seconds() {
        return seconds;
    }

    @Override
    public int sampleRate() throws AudioDecodeException {
        return source.sampleRate();
    }

    @Override
    public StreamInfo stream(SampleSink sink) throws AudioDecodeException {
        StreamInfo info = source.stream(sink);
        seconds = info.length() / (double) info.sampleRate();
        return info;
    }

    @Override
    public Path file() {
        return source.file();
    }

    @Override
    public Signal whole() throws AudioDecodeException {
        Signal s = source.whole();
        seconds = s.durationSeconds();
        return s;
    }

    @Override
    public Signal wholeIfAtMost(double limit) throws AudioDecodeException {
        Signal s = source.wholeIfAtMost(limit);
        if (s != null) seconds = s.durationSeconds();
        return s;
    }
}
