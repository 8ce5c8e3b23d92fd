package org.genrekit.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.genrekit.core.io.FileKey;
import org.genrekit.data.store.FeatureStore;
import org.genrekit.data.store.StoredRow;
import org.genrekit.features.FeatureRecipe;

/**
 * Benchmark for bench/store.sh: writes N × D random float rows into a feature store in batches of
 * B rows (as an extraction commits them; closing merges the small batches), then times opening
 * the store (key scan) and reading every row back. Args: DIR [N] [D] [B] [RUNS].
 */
public final class StoreBench {
    public static void main(String[] args) throws Exception {
        System.setProperty("genrekit.progress", "never");
        Path dir = Path.of(args[0]);
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        int d = args.length > 2 ? Integer.parseInt(args[2]) : 518;
        int batch = args.length > 3 ? Integer.parseInt(args[3]) : 256;
        int runs = args.length > 4 ? Integer.parseInt(args[4]) : 3;
        boolean reuse = Boolean.getBoolean("bench.reuse") && Files.isDirectory(dir);
        if (Files.exists(dir) && !reuse) {
            try (Stream<Path> s = Files.walk(dir)) {
                for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
            }
        }
        List<String> cols = new ArrayList<>();
        for (int c = 0; c < d; c++) cols.add(String.format(Locale.ROOT, "f.stat.%03d", c));
        FeatureRecipe recipe = FeatureRecipe.parse("bench{d=" + d + "}");
        SplittableRandom rnd = new SplittableRandom(1);
        long t0 = System.nanoTime();
        if (!reuse) try (FeatureStore fs = FeatureStore.open(dir, recipe, cols, batch, 1e9)) {
            for (int i = 0; i < n; i++) {
                float[] v = new float[d];
                for (int c = 0; c < d; c++) v[c] = (float) rnd.nextGaussian();
                String path = String.format(Locale.ROOT, "/data/fma_large/%03d/%06d.mp3", i / 1000, i);
                fs.put(new StoredRow(new FileKey(path, 1_000_000L + i, 1_500_000_000_000L).digest(""), Integer.toString(i), path,
                        1_000_000L + i, 1_500_000_000_000L, "", v));
            }
        }
        double write = (System.nanoTime() - t0) / 1e9;
        long bytes = size(dir);
        System.out.printf(Locale.ROOT, "store: %d rows x %d float columns, batches of %d rows%n", n, d, batch);
        System.out.printf(Locale.ROOT, "write (incl. fsync per batch): %.1f s, %.0f MB on disk (%.1f bytes/value)%n", write, bytes / 1e6,
                bytes / (double) n / d);
        int parts;
        try (FeatureStore fs = FeatureStore.open(dir, recipe, cols)) {
            parts = fs.parts();
        }
        time("read back (" + parts + " part files after the merge at close)", dir, recipe, cols, n, runs);
    }

    private static void time(String what, Path dir, FeatureRecipe recipe, List<String> cols, int n, int runs) throws Exception {
        double best = Double.MAX_VALUE, bestOpen = Double.MAX_VALUE, bestCpu = Double.MAX_VALUE;
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        for (int r = 0; r < runs; r++) {
            long c0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            try (FeatureStore fs = FeatureStore.open(dir, recipe, cols)) {
                long t1 = System.nanoTime();
                Map<String, StoredRow> all = fs.readAll();
                long t2 = System.nanoTime();
                if (all.size() != n) throw new IllegalStateException("read " + all.size() + " rows, expected " + n);
                bestOpen = Math.min(bestOpen, (t1 - t0) / 1e9);
                best = Math.min(best, (t2 - t0) / 1e9);
                bestCpu = Math.min(bestCpu, (os.getProcessCpuTime() - c0) / 1e9);
            }
        }
        System.out.printf(Locale.ROOT, "%s: open (key scan) %.2f s, open + read all %.2f s wall, %.2f s CPU (best of %d) = %.0f rows/s%n",
                what, bestOpen, best, bestCpu, runs, n / best);
        System.out.printf(Locale.ROOT, "load average while measuring: %.1f on %d cores%n", os.getSystemLoadAverage(), os.getAvailableProcessors());
    }

    private static long size(Path dir) throws Exception {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }
}
