package org.genrekit.batch.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.genrekit.batch.TrackResult;
import org.genrekit.core.csv.CsvWriter;

/** Results as CSV ({@link ResultColumns}), one line per file, appended and handed to the OS as each file finishes. */
public final class CsvResultSink implements ResultSink {
    private final ResultColumns columns;
    private final LineLog log;

    public CsvResultSink(Path file, ResultColumns columns) throws IOException {
        this.columns = columns;
        this.log = LineLog.open(file, CsvWriter.line(columns.names()), true);
    }

    @Override
    public void write(TrackResult r) throws IOException {
        List<String> f = new ArrayList<>(columns.names().size());
        for (Object v : columns.values(r)) {
            f.add(switch (v) {
                case null -> "";
                case Double d -> Numbers.of(d);
                case Float x -> Numbers.of(x);
                default -> v.toString();
            });
        }
        log.append(CsvWriter.line(f));
    }

    @Override
    public void tick() throws IOException {
        log.syncEvery(5000);
    }

    @Override
    public void close() throws IOException {
        log.close();
    }
}
