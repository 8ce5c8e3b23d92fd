package org.genrekit.batch.io;

import java.nio.file.Path;
import java.util.Locale;

/** The results file's format, chosen by the {@code --out} name's extension. */
public enum ResultFormat {
    CSV, JSONL, PARQUET;

    public static ResultFormat of(Path out) {
        String n = out.getFileName().toString().toLowerCase(Locale.ROOT);
        if (n.endsWith(".csv")) return CSV;
        if (n.endsWith(".jsonl") || n.endsWith(".ndjson")) return JSONL;
        if (n.endsWith(".parquet")) return PARQUET;
        throw new IllegalArgumentException("results file must end in .csv, .jsonl or .parquet, got " + out.getFileName());
    }

    /** Where failures go: beside the results, {@code NAME.failures.csv}. */
    public static Path failuresFile(Path out) {
        return out.resolveSibling(out.getFileName() + ".failures.csv");
    }
}
