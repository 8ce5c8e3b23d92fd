package org.genrekit.batch.io;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.genrekit.batch.TrackResult;
import org.genrekit.core.csv.CsvWriter;

/** The failures file: {@code path,id,reason,message}, one line per file that could not be processed. */
public final class FailureLog implements Closeable {
    public static final List<String> COLUMNS = List.of("path", "id", "reason", "message");
    private final LineLog log;

    public FailureLog(Path file) throws IOException {
        this.log = LineLog.open(file, CsvWriter.line(COLUMNS), true);
    }

    public void write(TrackResult r) throws IOException {
        log.append(CsvWriter.line(List.of(r.item().key(), r.item().id(), r.errorReason(), r.errorMessage())));
    }

    public Path file() {
        return log.file();
    }

    @Override
    public void close() throws IOException {
        log.close();
    }
}
