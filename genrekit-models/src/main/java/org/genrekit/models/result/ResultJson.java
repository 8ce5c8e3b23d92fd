package org.genrekit.models.result;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.genrekit.audio.SignalWarning;
import org.genrekit.models.Prediction;
import org.genrekit.models.TrackPolicy;

/**
 * The JSON form of a {@link GenreResult}, snake_case throughout (docs/result-schema.md):
 * <pre>
 * {"file", "genre", "probabilities": {label: p}, "top": [{"genre", "probability"}],
 *  "model": {"name", "version", "sha256"},
 *  "policy": {"window_s", "hop_s", "tail", "min_tail_s", "offset_s", "duration_s"},
 *  "windows": {"count", "analysed_s", "items": [{"start_s", "end_s", "weight", "probabilities"}]},
 *  "timings": {"decode_ms", "feature_ms", "predict_ms"}, "warnings": [{"code", "detail"}]}
 * </pre>
 * Probabilities are written at full precision, so that every command's answer compares exactly.
 * Callers may add their own fields (batch: {@code id}, {@code tag}, {@code features}; the API:
 * {@code audio}, {@code spectrogram}, {@code timings.receive_ms} ...).
 */
public final class ResultJson {
    public static final ObjectMapper MAPPER = new ObjectMapper();
    /** The {@code $id} of docs/result.schema.json, named in Parquet footers and the Spark job's summary. */
    public static final String SCHEMA_ID = "https://genrekit.org/schemas/result/1.json";
    /** The fields every result has (the schema's {@code required}). */
    public static final List<String> REQUIRED = List.of("file", "genre", "probabilities", "top", "model", "policy", "windows", "timings", "warnings");

    private ResultJson() {
    }

    public static ObjectNode of(GenreResult r) {
        Prediction p = r.prediction();
        List<String> labels = p.labels();
        ObjectNode o = MAPPER.createObjectNode();
        o.put("file", r.file());
        o.put("genre", r.genre());
        o.set("probabilities", probabilities(labels, p.probabilities()));
        ArrayNode top = o.putArray("top");
        for (int i : r.topIndices()) top.addObject().put("genre", labels.get(i)).put("probability", p.probabilities()[i]);
        ObjectNode m = o.putObject("model");
        m.put("name", r.model().name());
        m.put("version", r.model().version());
        m.put("sha256", r.model().sha256());
        TrackPolicy pol = r.policy();
        ObjectNode po = o.putObject("policy");
        po.put("window_s", pol.windowSeconds());
        po.put("hop_s", pol.hopSeconds());
        po.put("tail", pol.tail().id());
        po.put("min_tail_s", pol.minTailSeconds());
        po.put("offset_s", pol.offsetSeconds());
        if (pol.durationSeconds() > 0) po.put("duration_s", pol.durationSeconds()); // absent: to the end of the file
        ObjectNode w = o.putObject("windows");
        w.put("count", p.windowCount());
        w.put("analysed_s", r.analysedSeconds());
        if (!p.windows().isEmpty()) {
            ArrayNode items = w.putArray("items");
            for (Prediction.Window win : p.windows()) {
                ObjectNode it = items.addObject();
                it.put("start_s", win.startSeconds());
                it.put("end_s", win.endSeconds());
                it.put("weight", win.weight());
                it.put("genre", labels.get(argmax(win.probabilities())));
                it.set("probabilities", probabilities(labels, win.probabilities()));
            }
        }
        ObjectNode t = o.putObject("timings");
        t.put("decode_ms", r.decodeMillis());
        t.put("feature_ms", p.featureMillis());
        t.put("predict_ms", p.inferenceMillis());
        ArrayNode warnings = o.putArray("warnings");
        for (SignalWarning sw : r.warnings()) warnings.addObject().put("code", sw.code().toLowerCase(Locale.ROOT)).put("detail", sw.detail());
        return o;
    }

    /** One line of JSON Lines (or the JSON text of any node). */
    public static String line(com.fasterxml.jackson.databind.JsonNode o) {
        try {
            return MAPPER.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a result tree always serialises", e);
        }
    }

    private static ObjectNode probabilities(List<String> labels, double[] p) {
        ObjectNode o = MAPPER.createObjectNode();
        for (int i = 0; i < p.length; i++) o.put(labels.get(i), p[i]);
        return o;
    }

    private static int argmax(double[] p) {
        int best = 0;
        for (int i = 1; i < p.length; i++) if (p[i] > p[best]) best = i;
        return best;
    }

    /** The probabilities of a parsed result, by label (for readers and tests). */
    public static Map<String, Double> probabilities(com.fasterxml.jackson.databind.JsonNode result) {
        Map<String, Double> m = new java.util.LinkedHashMap<>();
        result.path("probabilities").properties().forEach(e -> m.put(e.getKey(), e.getValue().asDouble()));
        return m;
    }
}
