package org.genrekit.evaluation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Per-track predictions as CSV: {@code id,file,true,predicted,p_LABEL...}, one row per track, the
 * probabilities in the model's label order. Written to a temporary name, then renamed.
 */
public final class PredictionsCsv {
    private PredictionsCsv() {
    }

    public static String format(List<String> labels, List<TrackPrediction> predictions) {
        StringBuilder sb = new StringBuilder();
        List<String> header = new ArrayList<>(List.of("id", "file", "true", "predicted"));
        for (String l : labels) header.add("p_" + l);
        sb.append(CsvRows.line(header));
        for (TrackPrediction p : predictions) {
            double[] probs = p.probabilities();
            if (probs.length != labels.size()) {
                throw new IllegalArgumentException("track " + p.id() + " has " + probs.length + " probabilities for " + labels.size() + " labels");
            }
            List<String> row = new ArrayList<>(List.of(p.id(), p.file() == null ? "" : p.file(), labels.get(p.truth()), labels.get(p.predicted())));
            for (double v : probs) row.add(Double.toString(v));
            sb.append(CsvRows.line(row));
        }
        return sb.toString();
    }

    public static void write(Path out, List<String> labels, List<TrackPrediction> predictions) throws IOException {
        AtomicFiles.write(out, format(labels, predictions).getBytes(StandardCharsets.UTF_8));
    }
}
