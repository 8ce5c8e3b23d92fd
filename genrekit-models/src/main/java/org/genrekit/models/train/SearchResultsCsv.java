package org.genrekit.models.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.genrekit.core.csv.CsvWriter;
import org.genrekit.core.io.AtomicFiles;
import org.genrekit.evaluation.CvSummary;

/**
 * Every grid point of a search as CSV: one column per searched parameter, then {@code cv_mean},
 * {@code cv_se}, {@code cv_std}, {@code folds} and {@code best} (1 for the chosen point), in search order.
 */
public final class SearchResultsCsv {
    private SearchResultsCsv() {
    }

    public static String format(GridSearch.Result r) throws IOException {
        StringBuilder sb = new StringBuilder();
        List<String> header = new ArrayList<>(r.axes());
        header.addAll(List.of("cv_mean", "cv_se", "cv_std", "folds", "best"));
        CsvWriter.append(sb, header);
        for (int i = 0; i < r.tried().size(); i++) {
            PipelineSpec p = r.tried().get(i);
            CvSummary s = r.scores().get(i);
            List<String> row = new ArrayList<>();
            for (String a : r.axes()) row.add(p.params().get(a));
            row.addAll(List.of(Double.toString(s.mean()), Double.toString(s.se()), Double.toString(s.std()),
                    Integer.toString(s.folds().length), p.equals(r.best()) ? "1" : "0"));
            CsvWriter.append(sb, row);
        }
        return sb.toString();
    }

    /** Writes to a temporary name, then renames. */
    public static void write(Path out, GridSearch.Result r) throws IOException {
        AtomicFiles.writeString(out, format(r));
    }
}
