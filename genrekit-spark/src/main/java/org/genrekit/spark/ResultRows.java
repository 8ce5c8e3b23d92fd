package org.genrekit.spark;

import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.genrekit.batch.TrackResult;

/** The output table: one row per input file, with either results or an error. */
public final class ResultRows {
    /**
     * {@code track_id, path, genre, probability, labels, probabilities, features, duration_s,
     * millis, error_reason, error}; result columns are null on error rows and vice versa.
     */
    public static final StructType SCHEMA = new StructType(new StructField[] {
            DataTypes.createStructField("track_id", DataTypes.StringType, false),
            DataTypes.createStructField("path", DataTypes.StringType, false),
            DataTypes.createStructField("genre", DataTypes.StringType, true),
            DataTypes.createStructField("probability", DataTypes.DoubleType, true),
            DataTypes.createStructField("labels", DataTypes.createArrayType(DataTypes.StringType, false), true),
            DataTypes.createStructField("probabilities", DataTypes.createArrayType(DataTypes.DoubleType, false), true),
            DataTypes.createStructField("features", DataTypes.createArrayType(DataTypes.FloatType, false), true),
            DataTypes.createStructField("duration_s", DataTypes.DoubleType, true),
            DataTypes.createStructField("millis", DataTypes.DoubleType, false),
            DataTypes.createStructField("error_reason", DataTypes.StringType, true),
            DataTypes.createStructField("error", DataTypes.StringType, true),
    });

    private ResultRows() {
    }

    /** The row for {@code r}, reported under the file's original {@code path} (not the executor's temp copy). */
    static Row of(String trackId, String path, TrackResult r) {
        boolean model = r.ok() && r.probabilities() != null;
        return RowFactory.create(trackId, path,
                model ? r.genre() : null,
                model ? r.probability() : null,
                model ? r.labels().toArray(new String[0]) : null,
                model ? boxed(r.probabilities()) : null,
                r.ok() && r.features() != null ? boxed(r.features()) : null,
                Double.isNaN(r.durationSeconds()) ? null : r.durationSeconds(),
                r.millis(),
                r.errorReason(),
                r.errorMessage() == null ? null : r.errorMessage().replace(r.item().path().toString(), path));
    }

    static Row error(String trackId, String path, String reason, String message, double millis) {
        return RowFactory.create(trackId, path, null, null, null, null, null, null, millis, reason, message);
    }

    private static Double[] boxed(double[] a) {
        Double[] b = new Double[a.length];
        for (int i = 0; i < a.length; i++) b[i] = a[i];
        return b;
    }

    private static Float[] boxed(float[] a) {
        Float[] b = new Float[a.length];
        for (int i = 0; i < a.length; i++) b[i] = a[i];
        return b;
    }

    static List<String> columns() {
        return List.of(SCHEMA.fieldNames());
    }
}
