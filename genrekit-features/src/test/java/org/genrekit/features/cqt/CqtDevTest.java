package org.genrekit.features.cqt;

import org.genrekit.audio.Signal;
import org.junit.jupiter.api.Test;

class CqtDevTest {
    @Test
    void report() throws Exception {
        Signal s = Golden.wavMono(Golden.shared().resolve("golden/audio/g_music.wav"));
        double tuning = Golden.params("g_music").path("scalars").path("tuning_fma_cqt_bpo12").asDouble();
        Cqt cqt = new Cqt(CqtParams.defaults());
        long t0 = System.nanoTime();
        float[][] m = cqt.magnitude(s, tuning);
        long t1 = System.nanoTime();
        for (int i = 0; i < 5; i++) cqt.magnitude(s, tuning);
        long t2 = System.nanoTime();
        long t3 = System.nanoTime();
        for (int i = 0; i < 5; i++) Decimation.decimate(s.samples(), 2);
        System.out.printf("decimate 44k->22k %d ms%n", (System.nanoTime() - t3) / 5000000);
        CqtPlan plan = CqtPlan.of(44100, CqtParams.defaults(), tuning);
        for (CqtPlan.Octave o : plan.octaves) System.out.println(" oct nfft " + o.basis().nFft() + " hop " + o.hop() + " nnz " + o.basis().col().length + " sr " + o.sampleRate());
        double[][] g = Golden.npy(Golden.librosa("g_music").resolve("fma_cqt_mag.npy")).matrix();
        System.out.printf("fma cqt %d Hz: rel %.2e first %d ms, warm %d ms%n", s.sampleRate(), Golden.relL2(m, g), (t1 - t0) / 1000000, (t2 - t1) / 5000000);
        for (int k = 0; k < 84; k += 12) {
            double e = 0, d = 0; for (int t = 0; t < g[0].length; t++) { e += Math.pow(m[k][t]-g[k][t],2); d += g[k][t]*g[k][t]; }
            System.out.printf("bin %d rel %.2e%n", k, Math.sqrt(e/d));
        }
    }
}
