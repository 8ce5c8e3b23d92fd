package org.genrekit.spark;

import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.genrekit.batch.TrackResult;
import org.genrekit.batch.io.ResultColumns;

/**
 * The output table: one row per input file. Its first columns are exactly {@code genrekit batch}'s
 * ({@link ResultColumns}: {@code path, id, genre, probability, p_<label>..., duration_s, millis,
 * f_<feature>...}), so a Spark result and a batch result of the same files and model compare line by
 * line; then {@code error_reason, error} (batch writes those to its failures file), the model's
 * {@code model, model_version, model_sha256} when a model runs, and the executor's
 * {@code mp3_decoder, resampler} ({@link Natives}). Result columns are null on error rows and
 * vice versa.
 */
public final class ResultSchema implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;
    public static final List<String> ERROR_COLUMNS = List.of("error_reason", "error");
    public static final List<String> MODEL_COLUMNS = List.of("model", "model_version", "model_sha256");
    public static final List<String> NATIVE_COLUMNS = List.of("mp3_decoder", "resampler");

    private final ModelInfo model;
    private final ArrayList<String> features;

    /**
     * @param model          the model, or null for features only
     * @param featureColumns the feature set's columns (empty without features)
     */
    public ResultSchema(ModelInfo model, List<String> featureColumns) {
        this.model = model;
        this.features = new ArrayList<>(featureColumns);
        if (model == null && features.isEmpty()) throw new IllegalArgumentException("need a model, a feature set, or both");
    }

    public ModelInfo model() {
        return model;
    }

    public List<String> labels() {
        return model == null ? List.of() : model.labels();
    }

    public List<String> featureColumns() {
        return List.copyOf(features);
    }

    /** The columns batch writes for the same model and features, in batch's order. */
    public ResultColumns batchColumns() {
        return new ResultColumns(labels(), features, false);
    }

    /** Every column name in order. */
    public List<String> names() {
        return List.of(type().fieldNames());
    }

    public StructType type() {
        StructType t = new StructType();
        for (String c : batchColumns().names()) t = t.add(c, typeOf(c), nullable(c));
        for (String c : ERROR_COLUMNS) t = t.add(c, DataTypes.StringType, true);
        if (model != null) for (String c : MODEL_COLUMNS) t = t.add(c, DataTypes.StringType, false);
        for (String c : NATIVE_COLUMNS) t = t.add(c, DataTypes.StringType, false);
        return t;
    }

    private static DataType typeOf(String batchColumn) {
        return switch (batchColumn) {
            case "path", "id", "genre" -> DataTypes.StringType;
            default -> batchColumn.startsWith("f_") ? DataTypes.FloatType : DataTypes.DoubleType;
        };
    }

    private static boolean nullable(String batchColumn) {
        return !(batchColumn.equals("path") || batchColumn.equals("id") || batchColumn.equals("millis"));
    }

    /** The row for {@code r}, reported under the file's original {@code path} (not an executor's temporary copy). */
    Row row(String id, String path, TrackResult r, Natives natives) {
        if (!r.ok()) {
            String msg = r.errorMessage().replace(r.item().path().toString(), path);
            return error(id, path, r.errorReason(), msg, r.millis(), natives);
        }
        List<Object> v = new ArrayList<>(width());
        v.add(path);
        v.add(id);
        if (model != null) {
            v.add(r.genre());
            v.add(r.probability());
            for (double p : r.probabilities()) v.add(p);
        }
        v.add(Double.isNaN(r.durationSeconds()) ? null : r.durationSeconds());
        v.add(millis(r.millis()));
        if (!features.isEmpty()) for (float f : r.features()) v.add(f);
        v.add(null);
        v.add(null);
        return finish(v, natives);
    }

    /** A file that could not be processed: result columns null. */
    Row error(String id, String path, String reason, String message, double millis, Natives natives) {
        List<Object> v = new ArrayList<>(width());
        v.add(path);
        v.add(id);
        int results = batchColumns().names().size() - 2;
        for (int i = 0; i < results; i++) v.add(null);
        v.set(v.size() - 1 - features.size(), millis(millis)); // millis stays set, as batch's failures keep their time
        v.add(reason);
        v.add(oneLine(message));
        return finish(v, natives);
    }

    private Row finish(List<Object> v, Natives natives) {
        if (model != null) {
            v.add(model.name());
            v.add(model.version());
            v.add(model.sha256());
        }
        v.add(natives.mp3Decoder());
        v.add(natives.resampler());
        return RowFactory.create(v.toArray());
    }

    private int width() {
        return batchColumns().names().size() + ERROR_COLUMNS.size() + MODEL_COLUMNS.size() + NATIVE_COLUMNS.size();
    }

    /** Batch's precision for millis: 0.1 ms. */
    private static double millis(double m) {
        return Math.round(m * 10) / 10.0;
    }

    /** One record per line in every format, as batch's files. */
    private static String oneLine(String s) {
        return s == null ? null : s.replace('\n', ' ').replace('\r', ' ');
    }
}
