package org.genrekit.batch.io;

import java.util.ArrayList;
import java.util.List;

/**
 * The columns of a results table, the same in CSV, JSONL and Parquet: {@code path, id, genre,
 * probability, p_<label>..., duration_s, millis, [tag], [f_<feature>...]}.
 *
 * @param labels         model labels (no probability columns when empty)
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

    /** Every column name in order. */
    public List<String> names() {
        List<String> n = new ArrayList<>(List.of("path", "id"));
        if (hasModel()) {
            n.add("genre");
            n.add("probability");
            for (String l : labels) n.add("p_" + l);
        }
        n.add("duration_s");
        n.add("millis");
        if (tags) n.add("tag");
        for (String f : featureColumns) n.add("f_" + f);
        return n;
    }
}
