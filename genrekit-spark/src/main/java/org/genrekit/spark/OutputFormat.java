package org.genrekit.spark;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * How the output folder is written, as {@code genrekit batch} writes the same results: Parquet and
 * CSV with batch's flat columns ({@code p_<label>}, {@code f_<feature>}; CSV quoted as RFC 4180),
 * JSON Lines with batch's objects ({@code "probabilities": {label: p}}, {@code "features": [...]}),
 * null fields left out. Spark writes a folder of {@code part-*} files in each format.
 */
public enum OutputFormat {
    PARQUET, JSONL, CSV;

    public static OutputFormat of(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "parquet" -> PARQUET;
            case "jsonl", "json" -> JSONL;
            case "csv" -> CSV;
            default -> throw new IllegalArgumentException("--format must be parquet, jsonl or csv, got '" + name + "'");
        };
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Appends {@code rows} (of {@code schema.type()}) to {@code out} as one committed Spark job. */
    void append(Dataset<Row> rows, String out, ResultSchema schema) {
        switch (this) {
            case PARQUET -> rows.write().mode(SaveMode.Append).parquet(out);
            // quotes doubled, as core's CsvWriter (Spark's default escape is a backslash)
            case CSV -> rows.write().mode(SaveMode.Append).option("header", "true").option("escape", "\"").csv(out);
            case JSONL -> rows.select(jsonColumns(schema)).write().mode(SaveMode.Append)
                    .option("ignoreNullFields", "true").json(out);
        }
    }

    /** The output written so far, with at least {@code path}, the error and model columns and the natives columns. */
    Dataset<Row> read(SparkSession spark, String out, ResultSchema schema) {
        return switch (this) {
            case PARQUET -> spark.read().schema(schema.type()).parquet(out);
            case CSV -> spark.read().schema(schema.type()).option("header", "true").option("escape", "\"")
                    .option("mode", "FAILFAST").csv(out);
            case JSONL -> spark.read().schema(scalarColumns(schema)).json(out);
        };
    }

    /** Batch's JSON object: flat columns, then probabilities as an object, features as an array. */
    private static Column[] jsonColumns(ResultSchema s) {
        List<Column> c = new ArrayList<>();
        c.add(col("path"));
        c.add(col("id"));
        Column ok = col("error_reason").isNull();
        if (s.model() != null) {
            c.add(col("genre"));
            c.add(col("probability"));
            List<Column> p = new ArrayList<>();
            for (String l : s.labels()) p.add(quoted("p_" + l).as(l));
            c.add(when(ok, struct(p.toArray(new Column[0]))).as("probabilities"));
        }
        c.add(col("duration_s"));
        c.add(col("millis"));
        if (!s.featureColumns().isEmpty()) {
            List<Column> f = new ArrayList<>();
            for (String n : s.featureColumns()) f.add(quoted("f_" + n));
            c.add(when(ok, array(f.toArray(new Column[0]))).as("features"));
        }
        for (String n : ResultSchema.ERROR_COLUMNS) c.add(col(n));
        if (s.model() != null) for (String n : ResultSchema.MODEL_COLUMNS) c.add(col(n));
        for (String n : ResultSchema.NATIVE_COLUMNS) c.add(col(n));
        return c.toArray(new Column[0]);
    }

    /** Feature names may hold dots (fma518's {@code chroma_cens.kurtosis.01}). */
    private static Column quoted(String name) {
        return col("`" + name.replace("`", "``") + "`");
    }

    /** What reruns read back from JSON Lines: every scalar column but the results. */
    private static StructType scalarColumns(ResultSchema s) {
        StructType t = new StructType().add("path", DataTypes.StringType).add("id", DataTypes.StringType);
        for (String n : ResultSchema.ERROR_COLUMNS) t = t.add(n, DataTypes.StringType);
        if (s.model() != null) for (String n : ResultSchema.MODEL_COLUMNS) t = t.add(n, DataTypes.StringType);
        for (String n : ResultSchema.NATIVE_COLUMNS) t = t.add(n, DataTypes.StringType);
        return t;
    }
}
