package org.genrekit.evaluation;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.genrekit.core.csv.CsvWriter;
import org.genrekit.core.io.AtomicFiles;

/**
 * Per-track predictions as CSV: {@code id,file,true,predicted,p_LABEL...}, one row per track, the
 * probabilities in the model's label order. Written to a temporary name, then renamed.
 */
public final class PredictionsCsv {
    private PredictionsCsv() {
    }

    public static String format(List<String> labels, List<TrackPrediction> predictions) throws IOException {
        StringBuilder sb = new StringBuilder();
        List<String> header = new ArrayList<>(List.of("id", "file", "true", "predicted"));
        for (String l : labels) header.add("p_" + l);
        CsvWriter.append(sb, header);
        for (TrackPrediction p : predictions) {
            double[] probs = p.probabilities();
            if (probs.length != labels.size()) {
                throw new IllegalArgumentException("track " + p.id() + " has " + probs.length + " probabilities for " + labels.size() + " labels");
            }
            List<String> row = new ArrayList<>(List.of(p.id(), p.file() == null ? "" : p.file(), labels.get(p.truth()), labels.get(p.predicted())));
            for (double v : probs) row.add(Double.toString(v));
            CsvWriter.append(sb, row);
        }
        return sb.toString();
    }

    public static void write(Path out, List<String> labels, List<TrackPrediction> predictions) throws IOException {
        AtomicFiles.writeString(out, format(labels, predictions));
    }
}
