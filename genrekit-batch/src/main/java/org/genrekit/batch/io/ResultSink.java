package org.genrekit.batch.io;

import java.io.Closeable;
import java.io.IOException;
import org.genrekit.batch.TrackResult;

/**
 * Where successful results go, one at a time, as they come. Called from one thread only (the
 * run's writer). After {@link #write} returns, the row survives a kill of the JVM (CSV/JSONL) or
 * at the latest after the next part is rolled (Parquet).
 */
public interface ResultSink extends Closeable {
    void write(TrackResult r) throws IOException;

    /** Called about every second so that buffered rows reach the disk even when few arrive. */
    default void tick() throws IOException {
    }
}
