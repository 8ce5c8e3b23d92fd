package org.genrekit.models.result;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.genrekit.models.Prediction;
import org.genrekit.models.TrackPolicy;

/**
 * The flat form of a {@link GenreResult}, for tables (batch CSV and Parquet, the Spark job): the
 * JSON's fields one column each, {@code probabilities} as {@code p_<label>}, {@code top} as the
 * genres joined by {@code |} and {@code warnings} as their JSON text ({@code []} for none).
 * Per-window probabilities are left to JSON.
 */
public final class ResultRow {
    /** Text columns; {@link #INTEGER} are integers; every other column is a double. */
    public static final Set<String> TEXT = Set.of("file", "genre", "top", "model_name", "model_version", "model_sha256", "tail", "warnings");
    public static final Set<String> INTEGER = Set.of("windows");
    /** Columns that may be empty (a model built in memory has no SHA-256; no duration means to the end). */
    public static final Set<String> NULLABLE = Set.of("model_sha256", "duration_s");

    private ResultRow() {
    }

    /** Column names for a model with {@code labels}, in order. */
    public static List<String> columns(List<String> labels) {
        List<String> c = new ArrayList<>(List.of("file", "genre", "probability", "top"));
        for (String l : labels) c.add("p_" + l);
        c.addAll(List.of("model_name", "model_version", "model_sha256", "window_s", "hop_s", "tail", "min_tail_s", "offset_s", "duration_s",
                "windows", "analysed_s", "decode_ms", "feature_ms", "predict_ms", "warnings"));
        return c;
    }

    /** The values of {@link #columns} for {@code r}: String, Double or Integer, null where empty. */
    public static List<Object> values(GenreResult r) {
        Prediction p = r.prediction();
        List<Object> v = new ArrayList<>();
        v.add(r.file());
        v.add(r.genre());
        v.add(r.probability());
        List<String> top = new ArrayList<>();
        for (int i : r.topIndices()) top.add(p.labels().get(i));
        v.add(String.join("|", top));
        for (double x : p.probabilities()) v.add(x);
        v.add(r.model().name());
        v.add(r.model().version());
        v.add(r.model().sha256());
        TrackPolicy pol = r.policy();
        v.add(pol.windowSeconds());
        v.add(pol.hopSeconds());
        v.add(pol.tail().id());
        v.add(pol.minTailSeconds());
        v.add(pol.offsetSeconds());
        v.add(pol.durationSeconds() > 0 ? pol.durationSeconds() : null);
        v.add(p.windowCount());
        v.add(r.analysedSeconds());
        v.add(r.decodeMillis());
        v.add(p.featureMillis());
        v.add(p.inferenceMillis());
        v.add(ResultJson.line(ResultJson.of(r).get("warnings")));
        return v;
    }
}
