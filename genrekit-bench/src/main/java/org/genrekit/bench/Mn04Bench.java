package org.genrekit.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.genrekit.audio.AudioLoader;
import org.genrekit.audio.LoadOptions;
import org.genrekit.audio.Signal;
import org.genrekit.backbone.Engines;
import org.genrekit.backbone.mn.Mn04Backbone;
import org.genrekit.backbone.mn.WindowPlan;
import org.genrekit.backbone.weights.NpzReader;

/**
 * mn04 speed per 30 s track on one core: decode + resample to 32 kHz, the log-mel front end, the
 * network (three 10 s windows in one batch), and the whole of it. Prints a Markdown table of the
 * median over runs, after warm-up runs. Reads the weights from the shared reference folder, or
 * from the installed backbone with {@code --installed}.
 */
public final class Mn04Bench {
    private Mn04Bench() {
    }

    public static void main(String[] args) throws Exception {
        Path shared = Path.of("../shared");
        int runs = 20;
        int warmup = 10;
        int threads = 1;
        boolean useInstalled = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--shared" -> shared = Path.of(args[++i]);
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                case "--installed" -> useInstalled = true;
                default -> throw new IllegalArgumentException("unknown option " + args[i] + " (--shared DIR --runs N --warmup N --threads N --installed)");
            }
        }
        Engines.configure(threads);
        Mn04Backbone backbone = useInstalled ? Mn04Backbone.installed()
                : new Mn04Backbone(NpzReader.read(shared.resolve("pretrained/efficientat-mn04-as/state_dict.npz")), "shared");
        List<Path> clips = new ArrayList<>();
        try (var s = Files.list(shared.resolve("data/gtzan-3genres/rock"))) {
            s.filter(p -> p.toString().endsWith(".mp3")).sorted().limit(5).forEach(clips::add);
        }
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        double[][] t = new double[4][runs];
        double[][] c = new double[3][runs];
        for (int r = -warmup; r < runs; r++) {
            Path clip = clips.get(Math.floorMod(r, clips.size()));
            long c0 = mx.getCurrentThreadCpuTime();
            long w0 = System.nanoTime();
            Signal sig = AudioLoader.load(clip, LoadOptions.atRate(32000));
            long c1 = mx.getCurrentThreadCpuTime();
            long w1 = System.nanoTime();
            for (int[] w : WindowPlan.windows(sig.length(), Mn04Backbone.WINDOW_SAMPLES)) backbone.frontEnd().compute(sig.samples(), w[0], w[1]);
            long c2 = mx.getCurrentThreadCpuTime();
            long w2 = System.nanoTime();
            backbone.analyse(sig);
            long c3 = mx.getCurrentThreadCpuTime();
            long w3 = System.nanoTime();
            if (r >= 0) {
                t[0][r] = (w1 - w0) / 1e6;
                t[1][r] = (w2 - w1) / 1e6;
                t[2][r] = (w3 - w2) / 1e6; // front end + network, as the product runs it
                t[3][r] = (c3 - c0) / 1e6;
                c[0][r] = (c1 - c0) / 1e6;
                c[1][r] = (c2 - c1) / 1e6;
                c[2][r] = (c3 - c2) / 1e6;
            }
        }
        System.out.printf(Locale.ROOT, "mn04 per 30 s GTZAN MP3, %d engine thread(s), median of %d runs after %d warm-up%n%n", threads, runs, warmup);
        // With one engine thread PyTorch runs every operator on the calling thread, so that
        // thread's CPU time is the one-core cost even when other processes share the machine.
        System.out.println("| stage | wall ms | CPU ms (calling thread) |");
        System.out.println("|---|---:|---:|");
        System.out.printf(Locale.ROOT, "| decode + resample to 32 kHz | %.1f | %.1f |%n", median(t[0]), median(c[0]));
        System.out.printf(Locale.ROOT, "| log-mel front end (3 windows) | %.1f | %.1f |%n", median(t[1]), median(c[1]));
        System.out.printf(Locale.ROOT, "| **front end + network** (3 windows) | **%.1f** | **%.1f** |%n", median(t[2]), median(c[2]));
        System.out.printf(Locale.ROOT, "| network alone (difference) | %.1f | %.1f |%n", median(t[2]) - median(t[1]), median(c[2]) - median(c[1]));
        System.out.printf(Locale.ROOT, "| everything, decode included | %.1f | %.1f |%n", median(t[0]) + median(t[2]), median(t[3]) - median(c[1]));
        double[] load = {ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()};
        System.out.printf(Locale.ROOT, "%nload average during the run: %.1f on %d cores%n", load[0], Runtime.getRuntime().availableProcessors());
        backbone.close();
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        java.util.Arrays.sort(s);
        return s[s.length / 2];
    }
}
