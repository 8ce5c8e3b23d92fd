package org.genrekit.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.genrekit.core.io.AtomicFiles;
import org.genrekit.data.table.FeatureTables;
import org.genrekit.models.pipeline.TabularModel;
import org.genrekit.models.train.Datasets;
import org.genrekit.models.train.PipelineSpec;
import org.genrekit.models.train.PipelineTrainer;
import org.genrekit.models.train.TrainingData;

/**
 * Training and prediction time of every model with its default parameters: on the 640-row Kaggle
 * table (58 columns) and on synthetic 10-class Gaussian tables of 518 columns growing to 100,000
 * rows. A size whose training would exceed the time budget (predicted from the growth between the
 * two previous sizes) is not run; its time is extrapolated and marked so.
 *
 * <p>Usage: {@code ModelBench --shared DIR [--sizes 1000,10000,30000,100000] [--budget 120] [--models a,b] [--out FILE]}
 */
public final class ModelBench {
    private static final List<String> MODELS = List.of("majority", "knn", "logreg", "svm-linear", "svm-rbf", "rf", "gbm", "xgboost", "mlp");

    record Cell(double trainSeconds, double predictMicrosPerRow, boolean extrapolated, String note) {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) a.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        Path shared = Path.of(a.getOrDefault("shared", "../shared"));
        double budget = Double.parseDouble(a.getOrDefault("budget", "120"));
        List<Integer> sizes = new ArrayList<>();
        for (String s : a.getOrDefault("sizes", "1000,10000,30000,100000").split(",")) sizes.add(Integer.parseInt(s.strip()));
        List<String> models = a.containsKey("models") ? List.of(a.get("models").split(",")) : MODELS;
        int threads = Runtime.getRuntime().availableProcessors();

        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "Measured %s on %d cores (%s, Java %s); train = fit of the whole pipeline (log/scale + model) with default parameters, "
                + "predict = one row at a time.%n%n", java.time.LocalDate.now(), threads, System.getProperty("os.arch"), Runtime.version().feature()));
        md.append("| model | Kaggle 640x58 train s | predict us/row |");
        for (int n : sizes) md.append(String.format(Locale.ROOT, " %,dx518 train s | predict us/row |", n));
        md.append(" growth (train time ~ n^k) |\n|---|---|---|");
        for (int ignored : sizes) md.append("---|---|");
        md.append("---|\n");

        Path csv = shared.resolve("data/gtzan-features/features_30_sec.csv");
        TrainingData kaggle = Files.isRegularFile(csv) ? Datasets.training(FeatureTables.read(csv), null) : null;
        int maxN = sizes.stream().mapToInt(Integer::intValue).max().orElse(0);
        TrainingData synth = maxN > 0 ? synthetic(maxN, 518, 10, 7) : null;

        for (String m : models) {
            System.err.println("== " + m);
            md.append("| ").append(m).append(" | ");
            if (kaggle != null) {
                Cell c = measure(m, kaggle, threads);
                md.append(fmt(c.trainSeconds())).append(" | ").append(fmt(c.predictMicrosPerRow())).append(" |");
            } else {
                md.append("n/a | n/a |");
            }
            List<double[]> points = new ArrayList<>();
            for (int n : sizes) {
                double predicted = predict(points, n);
                if (predicted > budget) {
                    md.append(String.format(Locale.ROOT, " ~%s (extrapolated) | n/a |", fmt(predicted)));
                    System.err.printf("  %d rows: skipped, predicted %.0f s > budget %.0f s%n", n, predicted, budget);
                    continue;
                }
                Cell c = measure(m, synth.subset(firstRows(n)), threads);
                points.add(new double[]{n, c.trainSeconds()});
                md.append(' ').append(fmt(c.trainSeconds())).append(" | ").append(fmt(c.predictMicrosPerRow())).append(" |");
                System.err.printf(Locale.ROOT, "  %d rows: train %.2f s, predict %.1f us/row%n", n, c.trainSeconds(), c.predictMicrosPerRow());
            }
            md.append(' ').append(growth(points)).append(" |\n");
            System.err.print(md);
        }
        String text = md.toString();
        System.out.print(text);
        if (a.containsKey("out")) AtomicFiles.write(Path.of(a.get("out")), text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static Cell measure(String model, TrainingData d, int threads) {
        PipelineSpec spec = PipelineSpec.of(model, Map.of());
        long t0 = System.nanoTime();
        TabularModel fitted = PipelineTrainer.fit(spec, d, 42, threads);
        double train = (System.nanoTime() - t0) / 1e9;
        int rows = Math.min(d.size(), 2000);
        double[][] x = d.columns(fitted.columns());
        float[] row = new float[x[0].length];
        long t1 = System.nanoTime();
        int done = 0;
        // At most 2000 rows or 10 s: brute-force kNN at 100k rows takes ~0.3 s per query.
        while (done < rows && (done < 20 || System.nanoTime() - t1 < 10_000_000_000L)) {
            for (int j = 0; j < row.length; j++) row[j] = (float) x[done][j];
            fitted.proba(row);
            done++;
        }
        double predict = (System.nanoTime() - t1) / 1e3 / done;
        return new Cell(train, predict, false, "");
    }

    /** Time at n from the power law through the last two measured points (or linear from one). */
    static double predict(List<double[]> points, int n) {
        if (points.isEmpty()) return 0;
        double[] b = points.get(points.size() - 1);
        double k = 1;
        if (points.size() >= 2) {
            double[] a = points.get(points.size() - 2);
            k = Math.max(1, Math.log(b[1] / Math.max(a[1], 1e-3)) / Math.log(b[0] / a[0]));
        }
        return b[1] * Math.pow(n / b[0], k);
    }

    private static String growth(List<double[]> p) {
        if (p.size() < 2) return "n/a";
        double[] a = p.get(p.size() - 2), b = p.get(p.size() - 1);
        if (a[1] < 0.05) return "too fast to tell";
        return String.format(Locale.ROOT, "k = %.2f (%,d to %,d rows)", Math.log(b[1] / a[1]) / Math.log(b[0] / a[0]), (int) a[0], (int) b[0]);
    }

    private static int[] firstRows(int n) {
        int[] r = new int[n];
        for (int i = 0; i < n; i++) r[i] = i;
        return r;
    }

    private static String fmt(double v) {
        if (v >= 100) return String.format(Locale.ROOT, "%.0f", v);
        if (v >= 1) return String.format(Locale.ROOT, "%.2f", v);
        return String.format(Locale.ROOT, "%.3f", v);
    }

    /** Gaussian classes: each class mean is a random direction scaled to give overlapping, learnable clusters. */
    static TrainingData synthetic(int n, int d, int k, long seed) {
        Random r = new Random(seed);
        double[][] means = new double[k][d];
        for (double[] m : means) for (int j = 0; j < d; j++) m[j] = r.nextGaussian() * 0.15;
        float[][] x = new float[n][d];
        String[] labels = new String[n], ids = new String[n];
        List<String> cols = new ArrayList<>();
        for (int j = 0; j < d; j++) cols.add("f" + j);
        for (int i = 0; i < n; i++) {
            int c = i % k;
            for (int j = 0; j < d; j++) x[i][j] = (float) (means[c][j] + r.nextGaussian());
            labels[i] = "class" + c;
            ids[i] = "row" + i;
        }
        return TrainingData.ofNames(cols, x, labels, ids, null);
    }


}
