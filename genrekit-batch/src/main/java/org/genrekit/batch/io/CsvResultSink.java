package org.genrekit.batch.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.genrekit.batch.TrackResult;
import org.genrekit.core.csv.CsvWriter;

/** Results as CSV, one line per file, appended and handed to the OS as each file finishes. */
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
        f.add(r.item().key());
        f.add(r.item().id());
        if (columns.hasModel()) {
            f.add(r.genre());
            f.add(Numbers.of(r.probability()));
            for (double p : r.probabilities()) f.add(Numbers.of(p));
        }
        f.add(Numbers.of(r.durationSeconds()));
        f.add(Numbers.millis(r.millis()));
        if (columns.tags()) f.add(r.tagAction() == null ? "" : r.tagAction());
        if (!columns.featureColumns().isEmpty()) for (float v : r.features()) f.add(Numbers.of(v));
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
