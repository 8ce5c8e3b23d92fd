package org.genrekit.spark;

import static org.apache.spark.sql.functions.col;

import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Rows of an output folder, counted by executors in one aggregation (nothing else comes back to
 * the driver).
 *
 * @param ok      rows with results
 * @param failed  error rows
 * @param natives rows by {@link Natives#key()}
 */
record RowCounts(long ok, long failed, Map<String, Long> natives) {
    static final RowCounts NONE = new RowCounts(0, 0, Map.of());

    RowCounts {
        natives = Map.copyOf(natives);
    }

    static RowCounts of(Dataset<Row> output) {
        long ok = 0, failed = 0;
        Map<String, Long> natives = new TreeMap<>();
        for (Row r : output.groupBy(col("error_reason").isNull().as("ok"), col("mp3_decoder"), col("resampler")).count().collectAsList()) {
            long n = r.getLong(3);
            if (r.getBoolean(0)) ok += n;
            else failed += n;
            natives.merge(new Natives(r.getString(1), r.getString(2)).key(), n, Long::sum);
        }
        return new RowCounts(ok, failed, natives);
    }

    long rows() {
        return ok + failed;
    }

    /** What was added since {@code before}. */
    RowCounts minus(RowCounts before) {
        Map<String, Long> n = new TreeMap<>(natives);
        before.natives.forEach((k, v) -> n.merge(k, -v, Long::sum));
        n.values().removeIf(v -> v == 0);
        return new RowCounts(ok - before.ok, failed - before.failed, n);
    }
}
