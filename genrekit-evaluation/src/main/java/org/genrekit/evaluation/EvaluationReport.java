package org.genrekit.evaluation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.genrekit.core.io.AtomicFiles;

/**
 * An evaluation's results: metrics, optional cross-validation summary, timing and free-form
 * context (model, data). Written as {@code report.json}, {@code report.html} (plots inlined as
 * base64 PNG, so the page is one self-contained file) and {@code confusion.png}.
 *
 * @param title              what was evaluated, e.g. "default on fault_filtered_valid"
 * @param metrics            the metrics
 * @param cv                 cross-validated accuracy, or null
 * @param inferenceMillisPerTrack mean time per track (features + model), or NaN when unknown
 * @param context            extra JSON-friendly facts (model name, data spec, ...)
 */
public record EvaluationReport(String title, Metrics metrics, CvSummary cv, double inferenceMillisPerTrack,
                               Map<String, Object> context) {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public EvaluationReport {
        context = context == null ? Map.of() : new LinkedHashMap<>(context);
    }

    /** The report as one JSON-friendly map: the metrics' keys at top level, then timing, cv and context. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", title);
        m.putAll(metrics.toMap());
        m.put("inference_ms_per_track", Double.isNaN(inferenceMillisPerTrack) ? null : inferenceMillisPerTrack);
        if (cv != null) m.put("cv_accuracy", Map.of("mean", cv.mean(), "se", cv.se(), "std", cv.std(), "folds", cv.folds()));
        m.putAll(context);
        return m;
    }

    public String toJson(boolean pretty) {
        try {
            return pretty ? JSON.writeValueAsString(toMap()) : new ObjectMapper().writeValueAsString(toMap());
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise report", e);
        }
    }

    /** Writes report.json, report.html and confusion.png into {@code dir}; returns the HTML path. */
    public Path write(Path dir) throws IOException {
        byte[] heat = Charts.confusionHeatmap(metrics.labels(), metrics.confusion(), title);
        byte[] bars = Charts.perClassBars(metrics.perClass(), "Per-class precision / recall / F1");
        AtomicFiles.write(dir.resolve("report.json"), toJson(true).getBytes(StandardCharsets.UTF_8));
        AtomicFiles.write(dir.resolve("confusion.png"), heat);
        AtomicFiles.write(dir.resolve("per-class.png"), bars);
        Path html = dir.resolve("report.html");
        AtomicFiles.write(html, html(heat, bars).getBytes(StandardCharsets.UTF_8));
        return html;
    }

    String html(byte[] heat, byte[] bars) {
        StringBuilder sb = new StringBuilder();
        sb.append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>").append(esc(title))
                .append("</title><style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}"
                        + "td,th{border:1px solid #ccc;padding:3px 8px;text-align:right}th{background:#eee}</style></head><body>\n");
        sb.append("<h1>").append(esc(title)).append("</h1>\n<table>\n");
        row(sb, "tracks (n)", Integer.toString(metrics.n()));
        row(sb, "accuracy", f(metrics.accuracy()));
        row(sb, "balanced accuracy", f(metrics.balancedAccuracy()));
        row(sb, "macro-F1", f(metrics.macroF1()));
        row(sb, "top-2 accuracy", f(metrics.top2Accuracy()));
        if (cv != null) row(sb, "CV accuracy", cv.toString());
        if (!Double.isNaN(inferenceMillisPerTrack)) row(sb, "inference per track", String.format(Locale.ROOT, "%.2f ms", inferenceMillisPerTrack));
        for (Map.Entry<String, Object> e : context.entrySet()) row(sb, e.getKey(), String.valueOf(e.getValue()));
        sb.append("</table>\n<h2>Confusion matrix</h2>\n<img alt=\"confusion matrix\" src=\"data:image/png;base64,")
                .append(Base64.getEncoder().encodeToString(heat)).append("\">\n");
        sb.append("<pre>").append(esc(ConfusionText.format(metrics.labels(), metrics.confusion()))).append("</pre>\n");
        sb.append("<h2>Per class</h2>\n<img alt=\"per-class metrics\" src=\"data:image/png;base64,")
                .append(Base64.getEncoder().encodeToString(bars)).append("\">\n<table><tr><th>class</th><th>precision</th><th>recall</th><th>F1</th><th>support</th></tr>\n");
        for (ClassMetrics c : metrics.perClass()) {
            sb.append("<tr><th>").append(esc(c.label())).append("</th><td>").append(f(c.precision())).append("</td><td>")
                    .append(f(c.recall())).append("</td><td>").append(f(c.f1())).append("</td><td>").append(c.support()).append("</td></tr>\n");
        }
        sb.append("</table>\n</body></html>\n");
        return sb.toString();
    }

    private static void row(StringBuilder sb, String k, String v) {
        sb.append("<tr><th>").append(esc(k)).append("</th><td>").append(esc(v)).append("</td></tr>\n");
    }

    private static String f(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.4f", v);
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
