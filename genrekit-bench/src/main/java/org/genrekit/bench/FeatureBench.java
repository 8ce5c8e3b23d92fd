package org.genrekit.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.genrekit.audio.AudioLoader;
import org.genrekit.audio.LoadOptions;
import org.genrekit.audio.Resampler;
import org.genrekit.audio.Signal;
import org.genrekit.core.io.AtomicFiles;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Issue 2 item 7: seconds per 30 s clip for decode, decode + mel, decode + gtzan58 and decode + fma518,
 * on one core (one thread, median after warm-up) and on all cores (a thread per core, clips in
 * parallel), beside librosa's figures from {@code shared/golden/librosa-timings.json} as speed-ups.
 * Run it with {@code bench/features.sh}.
 */
@Command(name = "bench-features", mixinStandardHelpOptions = true,
        description = "Times Genrekit's decoding and feature extraction against librosa's measured figures.")
public final class FeatureBench implements Callable<Integer> {
    @Option(names = "--shared", description = "the shared/ folder (default: ../shared beside the project)")
    Path shared;

    @Option(names = "--runs", defaultValue = "7", description = "timed runs per single-core figure (median)")
    int runs;

    @Option(names = "--warmup", defaultValue = "3", description = "untimed warm-up runs before timing")
    int warmup;

    @Option(names = "--clips", defaultValue = "24", description = "gtzan-3genres clips to time (spread over the genres)")
    int clips;

    @Option(names = "--threads", description = "threads for the all-cores figures (default: available processors)")
    Integer threads;

    @Option(names = "--out", description = "also write the report (Markdown) to this file")
    Path out;

    private static final double MIN_TIMED_SECONDS = 1.5;
    private static final int MAX_TIMED_RUNS = 400;

    private volatile double blackhole;

    public static void main(String[] args) {
        System.exit(new CommandLine(new FeatureBench()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        if (runs < 1 || warmup < 0 || clips < 1) {
            throw new CommandLine.ParameterException(new CommandLine(this),
                    "--runs and --clips must be >= 1 and --warmup >= 0");
        }
        int nThreads = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        Path sharedDir = shared != null ? shared : Path.of(System.getProperty("genrekit.project", "."), "..", "shared").normalize();
        Path timingsFile = sharedDir.resolve("golden/librosa-timings.json");
        Path gMusic = sharedDir.resolve("golden/audio/g_music.mp3");
        Path gtzanDir = sharedDir.resolve("data/gtzan-3genres");
        for (Path p : List.of(timingsFile, gMusic, gtzanDir)) {
            if (!Files.exists(p)) {
                System.err.println("bench: missing " + p + " (pass --shared)");
                return 2;
            }
        }
        LibrosaTimings librosa = new LibrosaTimings(timingsFile);
        List<Path> gtzan = spread(gtzanDir, clips);

        Report report = new Report(nThreads);
        report.note("Started " + Instant.now() + "; load average " + loadAverage() + "; " + nThreads
                + " threads for all-cores; resampler " + Resampler.backend() + "; JVM " + Runtime.version() + ".");
        report.note("One core: one thread, " + warmup + " warm-up runs, median wall time of at least " + runs + " runs (g_music) or of one run per clip ("
                + gtzan.size() + " gtzan-3genres clips), repeated until " + MIN_TIMED_SECONDS + " s have passed; process CPU = CPU time of the whole JVM over those runs / runs. All cores: " + nThreads + " threads decoding clips in parallel, wall time / clips, median of 3 passes.");

        benchInput(report, librosa, "g_music.mp3 (44.1 kHz stereo, 30 s)", List.of(gMusic), false, nThreads);
        benchInput(report, librosa, "gtzan-3genres MP3 (22.05 kHz mono, 30 s)", gtzan, true, nThreads);
        BenchStage.DIRECT.forEach(report::note);
        report.note("Finished " + Instant.now() + "; load average " + loadAverage() + ".");

        String text = report.render();
        System.out.println(text);
        if (out != null) {
            AtomicFiles.writeString(out, text);
            System.err.println("bench: wrote " + out);
        }
        return 0;
    }

    private void benchInput(Report report, LibrosaTimings librosa, String label, List<Path> files, boolean gtzan, int nThreads)
            throws Exception {
        Path first = files.get(0);
        // librosa entries for the 44.1 kHz clip; the 22.05 kHz mono files have no librosa entry of their
        // own, so those rows compare with the nearest one (more work for librosa: stereo, 44.1 kHz).
        String decodeKey = gtzan ? "load_mp3_native" : "load_mp3_44k_stereo_to_22k_mono";
        String nearest = gtzan ? " (nearest: librosa timed the 44.1 kHz stereo clip)" : "";
        Optional<LibrosaTimings.Entry> decode = librosa.single(decodeKey);
        Optional<LibrosaTimings.Entry> mel = librosa.single("melspectrogram");
        Optional<LibrosaTimings.Entry> gtz = librosa.single("gtzan58_features_from_y22k");
        Optional<LibrosaTimings.Entry> fmaFull = librosa.single(gtzan ? "fma518_full_pipeline_mp3_22k" : "fma518_full_pipeline_mp3");
        Optional<LibrosaTimings.Entry> fmaOnly = librosa.single(gtzan ? "fma518_features_from_y22k" : "fma518_features_from_y44k");
        Optional<LibrosaTimings.Entry> fmaMulti = librosa.throughput(k -> k.startsWith(gtzan ? "fma518_full_pipeline_mp3_22k (" : "fma518_full_pipeline_mp3 (")
                && k.contains("processes=2") && k.contains("BLAS threads=1"));

        row(report, label, "decode", files, nThreads, () -> BenchStage.decode(LoadOptions.defaults()), decode, Optional.empty(), nearest);
        row(report, label, "decode + mel spectrogram", files, nThreads, BenchStage::decodeAndMel, sum(decode, mel), Optional.empty(), nearest);
        row(report, label, "decode + gtzan58", files, nThreads, () -> BenchStage.decodeAndSet("gtzan58"), sum(decode, gtz), Optional.empty(), nearest);
        row(report, label, "decode + fma518 (native rate, as FMA)", files, nThreads, () -> BenchStage.decodeAndSet("fma518"), fmaFull, fmaMulti,
                gtzan ? " (librosa resampled the 44.1 kHz clip to 22.05 kHz)" : "");

        // Feature extraction alone, on a clip decoded beforehand: the per-feature targets.
        Signal y22 = AudioLoader.load(first, LoadOptions.defaults());
        Signal yNative = AudioLoader.load(first, LoadOptions.atRate(0));
        List<Path> one = List.of(first);
        row(report, label, "mel spectrogram only", one, 0, () -> BenchStage.melOnly(y22), mel, Optional.empty(), "");
        row(report, label, "gtzan58 only", one, 0, () -> BenchStage.setOnly("gtzan58", y22), gtz, Optional.empty(), "");
        row(report, label, "fma518 only (native rate)", one, 0, () -> BenchStage.setOnly("fma518", yNative), fmaOnly, Optional.empty(), "");
    }

    private static Optional<LibrosaTimings.Entry> sum(Optional<LibrosaTimings.Entry> a, Optional<LibrosaTimings.Entry> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new LibrosaTimings.Entry(a.get().key() + " + " + b.get().key(), a.get().seconds() + b.get().seconds()));
    }

    interface StageFactory {
        BenchStage create() throws Exception;
    }

    private void row(Report report, String input, String stage, List<Path> files, int nThreads, StageFactory factory,
                     Optional<LibrosaTimings.Entry> ref1, Optional<LibrosaTimings.Entry> refAll, String refNote) {
        System.err.printf(Locale.ROOT, "bench: %s | %s ...%n", input, stage);
        BenchStage s;
        try {
            // Not available: the class is missing, the contract still throws, or the set is not registered yet.
            s = factory.create();
        } catch (Exception | LinkageError e) {
            report.row(input, stage, Double.NaN, Double.NaN, ref1, Double.NaN, refAll, report.unavailable(stage, shortReason(e)), refNote);
            return;
        }
        try {
            blackhole += s.run(files.get(0)); // also proves the stage works before it is timed
        } catch (UnsupportedOperationException | ReflectiveOperationException | LinkageError e) {
            report.row(input, stage, Double.NaN, Double.NaN, ref1, Double.NaN, refAll, report.unavailable(stage, shortReason(e)), refNote);
            return;
        } catch (Exception e) {
            report.row(input, stage, Double.NaN, Double.NaN, ref1, Double.NaN, refAll, report.failed(stage, shortReason(e)), refNote);
            return;
        }
        try {
            double[] one = singleCore(s, files);
            double all = nThreads > 0 ? allCores(s, files, nThreads) : Double.NaN;
            report.row(input, stage, one[0], one[1], ref1, all, refAll, null, refNote);
        } catch (Exception e) {
            report.row(input, stage, Double.NaN, Double.NaN, ref1, Double.NaN, refAll, report.failed(stage, shortReason(e)), refNote);
        }
    }

    private static String shortReason(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage();
        return t.getClass().getSimpleName() + (m == null ? "" : ": " + (m.length() > 80 ? m.substring(0, 80) + "..." : m));
    }

    /**
     * Seconds per clip in this thread: the median wall time, and the whole process's CPU time over all
     * timed runs divided by their number (the OS counts CPU time in 10 ms ticks, too coarse for one
     * run). Process CPU includes any helper thread, GC and JIT: the conservative figure, and the one
     * that stays meaningful when other programs load the machine; wall time does not.
     */
    private double[] singleCore(BenchStage s, List<Path> files) throws Exception {
        for (int i = 0; i < warmup; i++) {
            blackhole += s.run(files.get(i % files.size()));
        }
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        // At least `runs` runs (or one per clip), and at least MIN_TIMED_SECONDS in all, so that a 10 ms
        // stage still spans enough CPU-time ticks.
        int n = files.size() == 1 ? runs : files.size();
        double[] wall = new double[MAX_TIMED_RUNS];
        long c0 = os.getProcessCpuTime();
        long start = System.nanoTime();
        int done = 0;
        while (done < MAX_TIMED_RUNS && (done < n || System.nanoTime() - start < MIN_TIMED_SECONDS * 1e9)) {
            long t0 = System.nanoTime();
            blackhole += s.run(files.get(done % files.size()));
            wall[done++] = (System.nanoTime() - t0) / 1e9;
        }
        double cpu = (os.getProcessCpuTime() - c0) / 1e9 / done;
        return new double[] {median(Arrays.copyOf(wall, done)), cpu};
    }

    /** Wall seconds per clip with {@code nThreads} threads working through the clips (median of 3 passes). */
    private double allCores(BenchStage s, List<Path> files, int nThreads) throws Exception {
        List<Path> work = new ArrayList<>();
        int target = Math.max(files.size(), 4 * nThreads);
        while (work.size() < target) {
            work.add(files.get(work.size() % files.size()));
        }
        ExecutorService pool = Executors.newFixedThreadPool(nThreads);
        try {
            pass(pool, s, work.subList(0, Math.min(work.size(), 2 * nThreads))); // warm every thread
            double[] t = new double[3];
            for (int r = 0; r < t.length; r++) {
                long t0 = System.nanoTime();
                pass(pool, s, work);
                t[r] = (System.nanoTime() - t0) / 1e9 / work.size();
            }
            return median(t);
        } finally {
            pool.shutdownNow();
        }
    }

    private void pass(ExecutorService pool, BenchStage s, List<Path> work) throws Exception {
        List<Future<Double>> fs = new ArrayList<>();
        for (Path p : work) {
            fs.add(pool.submit(() -> s.run(p)));
        }
        for (Future<Double> f : fs) {
            blackhole += f.get();
        }
    }

    private static double median(double[] t) {
        double[] c = t.clone();
        Arrays.sort(c);
        return c.length % 2 == 1 ? c[c.length / 2] : 0.5 * (c[c.length / 2 - 1] + c[c.length / 2]);
    }

    /** {@code n} MP3s taken evenly from the sorted list of all of them (so every genre is in). */
    private static List<Path> spread(Path dir, int n) throws IOException {
        List<Path> all;
        try (Stream<Path> s = Files.walk(dir)) {
            all = new ArrayList<>(s.filter(p -> p.toString().endsWith(".mp3")).sorted().toList());
        }
        if (all.isEmpty()) {
            throw new IOException("no .mp3 under " + dir);
        }
        if (all.size() <= n) {
            return Collections.unmodifiableList(all);
        }
        List<Path> pick = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            pick.add(all.get((int) ((long) i * all.size() / n)));
        }
        return pick;
    }

    private static String loadAverage() {
        double l = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return l < 0 ? "n/a" : String.format(Locale.ROOT, "%.2f", l);
    }
}
