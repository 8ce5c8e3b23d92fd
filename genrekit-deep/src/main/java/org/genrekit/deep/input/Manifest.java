package org.genrekit.deep.input;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A dataset list: a CSV with a header naming at least a path column, a label column and a split
 * column (defaults: relative_path, genre, fault_filtered_part, as in gtzan-3genres/manifest.csv).
 * Paths are relative to the CSV's folder unless absolute.
 */
public final class Manifest {
    /** One listed file. */
    public record Entry(Path file, String label, String part) {
    }

    private Manifest() {
    }

    public static List<Entry> read(Path csv, String pathColumn, String labelColumn, String partColumn) throws IOException {
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        if (lines.isEmpty()) throw new IOException(csv + ": empty manifest");
        List<String> header = Arrays.asList(lines.getFirst().strip().split(",", -1));
        int pi = column(csv, header, pathColumn), li = column(csv, header, labelColumn), si = column(csv, header, partColumn);
        Path base = csv.toAbsolutePath().getParent();
        List<Entry> out = new ArrayList<>();
        for (int n = 1; n < lines.size(); n++) {
            String line = lines.get(n).strip();
            if (line.isEmpty()) continue;
            String[] f = line.split(",", -1);
            if (f.length != header.size()) throw new IOException(csv + ":" + (n + 1) + ": expected " + header.size() + " fields, got " + f.length);
            out.add(new Entry(base.resolve(f[pi]), f[li], f[si]));
        }
        return out;
    }

    private static int column(Path csv, List<String> header, String name) throws IOException {
        int i = header.indexOf(name);
        if (i < 0) throw new IOException(csv + ": no column '" + name + "' in header " + header);
        return i;
    }
}
