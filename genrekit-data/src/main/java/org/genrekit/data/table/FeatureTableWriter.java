package org.genrekit.data.table;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.genrekit.core.csv.CsvWriter;
import org.genrekit.core.io.AtomicFiles;

/**
 * Writes a feature table in the Kaggle GTZAN shape, {@code filename,<columns...>,label}, row by
 * row to a temporary file that {@link #commit()} renames into place (a failed or killed run never
 * leaves a half table under the real name). {@link FeatureTables#read} reads it back.
 * The temporary file is {@code .TABLE.csv.tmp} beside the table: a run stopped with Ctrl-C or
 * SIGTERM deletes it on the way out, and after a SIGKILL the next run with the same table
 * overwrites it (and renames or deletes it).
 */
public final class FeatureTableWriter implements AutoCloseable {
    private final Path target;
    private final Path tmp;
    private final BufferedWriter w;
    private final int width;
    private boolean committed;

    public FeatureTableWriter(Path target, List<String> columns) throws IOException {
        this.target = target.toAbsolutePath();
        this.tmp = tempPath(this.target);
        Path parent = this.target.getParent();
        if (parent != null) Files.createDirectories(parent);
        TempFiles.register(tmp);
        this.w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8);
        this.width = columns.size();
        List<String> header = new ArrayList<>(columns.size() + 2);
        header.add("filename");
        header.addAll(columns);
        header.add("label");
        w.write(CsvWriter.line(header));
        w.write('\n');
    }

    /** One row; {@code label} may be null (written empty). Floats print in their shortest exact form, NaN as {@code NaN}. */
    public void write(String filename, float[] values, String label) throws IOException {
        if (values.length != width) throw new IllegalArgumentException(filename + ": " + values.length + " values, table has " + width + " columns");
        StringBuilder sb = new StringBuilder(16 * width);
        sb.append(CsvWriter.field(filename));
        for (float v : values) sb.append(',').append(Float.toString(v));
        sb.append(',').append(CsvWriter.field(label)).append('\n');
        w.write(sb.toString());
    }

    /** Flushes, fsyncs and renames the table into place. */
    public void commit() throws IOException {
        w.close();
        AtomicFiles.commit(tmp, target);
        TempFiles.release(tmp);
        committed = true;
    }

    /** Without {@link #commit()}: discards the temporary file. */
    @Override
    public void close() throws IOException {
        if (!committed) {
            w.close();
            Files.deleteIfExists(tmp);
            TempFiles.release(tmp);
        }
    }

    /** The temporary name a table (or its errors file) is written under before the rename: {@code .NAME.tmp} beside it. */
    public static Path tempPath(Path target) {
        Path abs = target.toAbsolutePath();
        return abs.resolveSibling("." + abs.getFileName() + ".tmp");
    }

    /**
     * Writes a small file (an errors list) through its {@link #tempPath} and renames it into place;
     * the temporary file is deleted if the process is stopped meanwhile.
     */
    public static void writeAtomically(Path target, String content) throws IOException {
        Path tmp = tempPath(target);
        TempFiles.register(tmp);
        try {
            Files.writeString(tmp, content, StandardCharsets.UTF_8);
            AtomicFiles.commit(tmp, target);
        } finally {
            Files.deleteIfExists(tmp);
            TempFiles.release(tmp);
        }
    }

    /** {@code out/TABLE.csv} → {@code out/TABLE.errors.csv}. */
    public static Path errorsPath(Path table) {
        String n = table.getFileName().toString();
        String base = n.toLowerCase(java.util.Locale.ROOT).endsWith(".csv") ? n.substring(0, n.length() - 4) : n;
        return table.resolveSibling(base + ".errors.csv");
    }
}
