package org.genrekit.models;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.genrekit.models.train.TrainingData;

/** Small synthetic, well-separated data for fast tests. */
public final class Synthetic {
    private Synthetic() {
    }

    /** {@code perClass} rows of each of 3 Gaussian classes in 5 dimensions (one column constant). */
    public static TrainingData data(int perClass, long seed) {
        Random r = new Random(seed);
        String[] names = {"alpha", "beta", "gamma"};
        int n = perClass * 3;
        float[][] x = new float[n][];
        String[] labels = new String[n], ids = new String[n];
        for (int i = 0; i < n; i++) {
            int c = i % 3;
            x[i] = new float[]{(float) (c * 3 + r.nextGaussian()), (float) (-c * 2 + r.nextGaussian()),
                    (float) Math.exp(c + 0.3 * r.nextGaussian()), (float) r.nextGaussian(), 5f};
            labels[i] = names[c];
            ids[i] = names[c] + "." + String.format(Locale.ROOT, "%05d", i);
        }
        return TrainingData.ofNames(List.of("a", "b", "energy_var", "noise", "length"), x, labels, ids, null);
    }

    /** The same data as a feature table CSV (filename, columns..., label), as Kaggle's. */
    public static Path csv(Path dir, int perClass, long seed) throws IOException {
        TrainingData d = data(perClass, seed);
        List<String> lines = new ArrayList<>();
        lines.add("filename," + String.join(",", d.columns()) + ",label");
        for (int i = 0; i < d.size(); i++) {
            StringBuilder sb = new StringBuilder(d.ids()[i] + ".wav");
            for (float v : d.x()[i]) sb.append(',').append(v);
            sb.append(',').append(d.labels().get(d.y()[i]));
            lines.add(sb.toString());
        }
        Path p = dir.resolve("table.csv");
        Files.write(p, lines);
        return p;
    }
}
