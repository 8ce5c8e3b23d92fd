package org.genrekit.spark;

import static org.apache.spark.sql.functions.col;

import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Rows of an output folder, counted by executors (nothing else comes back to the driver).
 *
 * @param ok      rows with results
 * @param failed  error rows
 * @param natives rows by {@link Natives#key()}
 */
record RowCounts(long ok, long failed, Map<String, Long> natives) {
    static final RowCounts NONE = new RowCounts(0, 0, Map.of());
    private static final String OK = "ok";
    private static final String FAILED = "failed";

    RowCounts {
        natives = Map.copyOf(natives);
    }

    static RowCounts of(Dataset<Row> output) {
        // counted per partition and merged on the driver: no shuffle (a groupBy would run
        // spark.sql.shuffle.partitions tasks for a handful of numbers). Partial counts travel as
        // HashMaps, which every spark.serializer handles (Kryo 4 cannot rebuild records).
        Map<String, Long> m = output.select(col("error_type").isNull(), col("mp3_decoder"), col("resampler")).toJavaRDD()
                .mapPartitions(RowCounts::count).fold(new HashMap<>(), RowCounts::merge);
        Map<String, Long> natives = new TreeMap<>(m);
        long ok = natives.getOrDefault(OK, 0L);
        long failed = natives.getOrDefault(FAILED, 0L);
        natives.remove(OK);
        natives.remove(FAILED);
        return new RowCounts(ok, failed, natives);
    }

    private static Iterator<HashMap<String, Long>> count(Iterator<Row> rows) {
        HashMap<String, Long> m = new HashMap<>();
        while (rows.hasNext()) {
            Row r = rows.next();
            m.merge(r.getBoolean(0) ? OK : FAILED, 1L, Long::sum);
            m.merge(new Natives(r.getString(1), r.getString(2)).key(), 1L, Long::sum); // keys hold a '/': never OK or FAILED
        }
        return List.of(m).iterator();
    }

    private static HashMap<String, Long> merge(HashMap<String, Long> a, HashMap<String, Long> b) {
        HashMap<String, Long> m = new HashMap<>(a);
        b.forEach((k, v) -> m.merge(k, v, Long::sum));
        return m;
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
