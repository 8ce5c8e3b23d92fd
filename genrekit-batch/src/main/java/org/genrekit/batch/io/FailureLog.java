package org.genrekit.batch.io;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import org.genrekit.audio.FailureRecord;
import org.genrekit.batch.TrackResult;
import org.genrekit.core.csv.CsvWriter;

/** The failures file, one line per file that could not be processed, in the shared layout {@link FailureRecord#COLUMNS}. */
public final class FailureLog implements Closeable {
    private final LineLog log;

    public FailureLog(Path file) throws IOException {
        this.log = LineLog.open(file, CsvWriter.line(FailureRecord.COLUMNS), true);
    }

    public void write(TrackResult r) throws IOException {
        log.append(CsvWriter.line(r.failure().values()));
    }

    public Path file() {
        return log.file();
    }

    @Override
    public void close() throws IOException {
        log.close();
    }
}
