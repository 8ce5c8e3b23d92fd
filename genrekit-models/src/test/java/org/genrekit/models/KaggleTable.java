package org.genrekit.models;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.genrekit.models.train.TrainingData;
import org.junit.jupiter.api.Assumptions;

/** Test helper: the shared Kaggle GTZAN table and split lists (tests skip when ../shared is absent). */
public final class KaggleTable {
    private KaggleTable() {
    }

    public static Path shared() {
        String s = System.getProperty("genrekit.shared", "../shared");
        Path p = Path.of(s);
        Assumptions.assumeTrue(Files.isDirectory(p.resolve("data/gtzan-features")), "shared data not found at " + p.toAbsolutePath() + " (set -Dgenrekit.shared)");
        return p;
    }

    public static TrainingData read(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        String[] head = lines.get(0).split(",");
        List<String> cols = Arrays.asList(head).subList(1, head.length - 1);
        int n = lines.size() - 1;
        float[][] x = new float[n][];
        String[] ids = new String[n], labels = new String[n];
        for (int i = 0; i < n; i++) {
            String[] f = lines.get(i + 1).split(",");
            ids[i] = f[0];
            labels[i] = f[f.length - 1];
            x[i] = new float[cols.size()];
            for (int j = 0; j < cols.size(); j++) x[i][j] = Float.parseFloat(f[j + 1]);
        }
        return TrainingData.ofNames(cols, x, labels, ids, null);
    }

    /** Rows whose file name is in the list (lines like blues/blues.00029.wav). */
    public static TrainingData subset(TrainingData d, Path list) throws IOException {
        Set<String> names = new HashSet<>();
        for (String l : Files.readAllLines(list)) if (!l.isBlank()) names.add(Path.of(l.strip()).getFileName().toString());
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < d.size(); i++) if (names.contains(d.ids()[i])) rows.add(i);
        return d.subset(rows.stream().mapToInt(Integer::intValue).toArray());
    }
}
