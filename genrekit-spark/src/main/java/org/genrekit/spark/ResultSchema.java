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
import org.genrekit.audio.FailureRecord;
import org.genrekit.batch.TrackResult;
import org.genrekit.batch.io.ResultColumns;
import org.genrekit.models.result.ResultRow;

/**
 * The output table: one row per input file. Its first columns are exactly {@code genrekit batch}'s
 * ({@link ResultColumns}: {@code file, id}, the one result schema's flat columns {@code genre,
 * probability, top, p_<label>..., model_name, model_version, model_sha256, window_s, ...,
 * warnings}, {@code millis, f_<feature>...}), so a Spark result and a batch result of the same files
 * and model compare line by line; then the failure columns {@code stage, error_type, message} (as
 * batch's failures file, {@link FailureRecord}) and the executor's {@code mp3_decoder, resampler}
 * ({@link Natives}). Result columns are null on error rows and vice versa, except the model's name,
 * version and SHA-256, which every row of a model run carries.
 */
public final class ResultSchema implements Serializable {
    @Serial
    private static final long serialVersionUID = 2L;
    public static final List<String> ERROR_COLUMNS = FailureRecord.COLUMNS.subList(1, FailureRecord.COLUMNS.size());
    public static final List<String> NATIVE_COLUMNS = List.of("mp3_decoder", "resampler");
    /** The result columns every row of a model run fills, errors included. */
    static final List<String> MODEL_COLUMNS = List.of("model_name", "model_version", "model_sha256");

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
        for (String c : NATIVE_COLUMNS) t = t.add(c, DataTypes.StringType, false);
        return t;
    }

    private static DataType typeOf(String batchColumn) {
        if (batchColumn.equals("id") || ResultRow.TEXT.contains(batchColumn)) return DataTypes.StringType;
        if (ResultRow.INTEGER.contains(batchColumn)) return DataTypes.IntegerType;
        return batchColumn.startsWith("f_") ? DataTypes.FloatType : DataTypes.DoubleType;
    }

    private boolean nullable(String batchColumn) {
        if (batchColumn.equals("file") || batchColumn.equals("id") || batchColumn.equals("millis")) return false;
        return !(batchColumn.equals("model_name") || batchColumn.equals("model_version"));
    }

    /** The row for {@code r}, reported under the file's original path (not an executor's temporary copy). */
    Row row(String id, String path, TrackResult r, Natives natives) {
        if (!r.ok()) {
            FailureRecord f = r.failure();
            return error(id, path, f.stage(), f.errorType(), f.message().replace(r.item().path().toString(), path), r.millis(), natives);
        }
        List<Object> v = new ArrayList<>(batchColumns().values(r));
        v.set(0, path);
        // every row names the model the driver checked and shipped, whatever the executor's copy knows of its bytes
        List<String> names = batchColumns().names();
        if (model != null) {
            v.set(names.indexOf("model_name"), model.name());
            v.set(names.indexOf("model_version"), model.version());
            v.set(names.indexOf("model_sha256"), model.sha256());
        }
        for (int i = 0; i < ERROR_COLUMNS.size(); i++) v.add(null);
        return finish(v, natives);
    }

    /** A file that could not be processed: result columns null but the model's name, version and SHA-256. */
    Row error(String id, String path, String stage, String errorType, String message, double millis, Natives natives) {
        List<String> names = batchColumns().names();
        List<Object> v = new ArrayList<>(names.size() + ERROR_COLUMNS.size() + NATIVE_COLUMNS.size());
        for (String n : names) {
            v.add(switch (n) {
                case "file" -> path;
                case "id" -> id;
                case "millis" -> Math.round(millis * 10) / 10.0; // as batch's failures keep their time
                case "model_name" -> model.name();
                case "model_version" -> model.version();
                case "model_sha256" -> model.sha256();
                default -> null;
            });
        }
        v.add(stage);
        v.add(errorType);
        v.add(message);
        return finish(v, natives);
    }

    private static Row finish(List<Object> v, Natives natives) {
        v.add(natives.mp3Decoder());
        v.add(natives.resampler());
        return RowFactory.create(v.toArray());
    }
}
