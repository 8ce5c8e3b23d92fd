package org.genrekit.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import org.genrekit.audio.AudioLoader;
import org.genrekit.audio.LoadOptions;
import org.genrekit.audio.Signal;
import org.genrekit.features.cqt.ChromaCqt;
import org.genrekit.features.cqt.Cqt;
import org.genrekit.features.sets.Fma518;

/** Per-clip timings of the CQT family and fma518 (run by bench/fma518.sh on one core). */
public final class Fma518Bench {
    private Fma518Bench() {
    }

    public static void main(String[] args) throws Exception {
        Path shared = Path.of(args.length > 0 ? args[0] : "../shared");
        Path mp3 = shared.resolve("golden/audio/g_music.mp3");
        Path gtzan = shared.resolve("data/gtzan-3genres/jazz/jazz.00010.mp3");
        Fma518 fma = new Fma518();
        LoadOptions nativeRate = fma.loadOptions();
        Signal s44 = AudioLoader.load(mp3, nativeRate);
        Signal s22 = AudioLoader.load(mp3, LoadOptions.defaults());
        Cqt cqt = new Cqt();
        ChromaCqt chroma = new ChromaCqt();
        System.out.printf("clip %s: %.1f s at %d Hz%n", mp3.getFileName(), s44.durationSeconds(), s44.sampleRate());
        time("decode mp3 at 44.1 kHz", () -> AudioLoader.load(mp3, nativeRate));
        time("cqt 84 bins at 44.1 kHz (FMA, incl. tuning)", () -> cqt.compute(s44));
        time("cqt 84 bins at 44.1 kHz (FMA, tuning given)", () -> cqt.magnitude(s44, 0.05));
        time("chroma_cqt at 22.05 kHz (librosa defaults, incl. tuning)", () -> chroma.compute(s22));
        time("fma518 on decoded 44.1 kHz signal", () -> fma.extract(s44));
        time("fma518 full pipeline from mp3 at 44.1 kHz", () -> fma.extract(AudioLoader.load(mp3, nativeRate)));
        time("fma518 full pipeline from gtzan 22.05 kHz mp3", () -> fma.extract(AudioLoader.load(gtzan, nativeRate)));
    }

    private static void time(String label, Callable<?> task) throws Exception {
        for (int i = 0; i < 3; i++) task.call();
        // Thread CPU time beside wall time: the build machine is shared, and CPU time is what
        // one core spends whatever else runs.
        var mx = java.lang.management.ManagementFactory.getThreadMXBean();
        double[] ms = new double[9];
        double[] cpu = new double[9];
        for (int i = 0; i < ms.length; i++) {
            long c0 = mx.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            task.call();
            ms[i] = (System.nanoTime() - t0) / 1e6;
            cpu[i] = (mx.getCurrentThreadCpuTime() - c0) / 1e6;
        }
        Arrays.sort(ms);
        Arrays.sort(cpu);
        System.out.printf("%-58s wall median %7.1f ms (min %.1f), cpu median %7.1f ms%n", label, ms[ms.length / 2], ms[0], cpu[cpu.length / 2]);
    }
}
