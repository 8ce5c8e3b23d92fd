package org.genrekit.batch.io;

import java.util.ArrayList;
import java.util.List;
import org.genrekit.batch.TrackResult;
import org.genrekit.models.result.ResultRow;

/**
 * The columns of a results table, the same in CSV and Parquet (and the Spark job's output):
 * {@code file, id}, then the one result schema's flat columns ({@link ResultRow}: {@code genre,
 * probability, top, p_<label>..., model_name, model_version, model_sha256, window_s, ...,
 * predict_ms}) when a model runs, else {@code analysed_s} (the seconds decoded for the features), then
 * {@code millis, [tag], [f_<feature>...]}.
 *
 * @param labels         model labels (no result columns when empty)
 * @param featureColumns feature names (no feature columns when empty)
 * @param tags           whether a {@code tag} column records tag writing
 */
public record ResultColumns(List<String> labels, List<String> featureColumns, boolean tags) {
    public ResultColumns {
        labels = List.copyOf(labels);
        featureColumns = List.copyOf(featureColumns);
    }

    public boolean hasModel() {
        return !labels.isEmpty();
    }

    /** The result schema's columns after {@code file}, empty without a model. */
    public List<String> resultColumns() {
        return hasModel() ? ResultRow.columns(labels).subList(1, ResultRow.columns(labels).size()) : List.of();
    }

    /** Every column name in order. */
    public List<String> names() {
        List<String> n = new ArrayList<>(List.of("file", "id"));
        n.addAll(resultColumns());
        if (!hasModel()) n.add("analysed_s");
        n.add("millis");
        if (tags) n.add("tag");
        for (String f : featureColumns) n.add("f_" + f);
        return n;
    }

    /** The values of {@link #names()} for a successful {@code r}: String, Double, Float or Integer, null where empty. */
    public List<Object> values(TrackResult r) {
        List<Object> v = new ArrayList<>(names().size());
        v.add(r.item().key());
        v.add(r.item().id());
        if (hasModel()) {
            List<Object> row = ResultRow.values(r.result());
            v.addAll(row.subList(1, row.size()));
        } else {
            v.add(Double.isNaN(r.durationSeconds()) ? null : r.durationSeconds());
        }
        v.add(Math.round(r.millis() * 10) / 10.0);
        if (tags) v.add(r.tagAction());
        if (!featureColumns.isEmpty()) for (float f : r.features()) v.add(f);
        return v;
    }
}
