package org.genrekit.bench;

import java.nio.file.Path;
import org.genrekit.audio.Signal;
import org.genrekit.features.io.Npy;
import org.genrekit.features.sets.Gtzan58;
import org.genrekit.features.spectral.MelSpectrogram;

/**
 * Single-thread timing of the mel spectrogram and the gtzan58 vector on the 30 s golden clip
 * (g_music y.npy, 22050 Hz; decoding excluded). Run: {@code bench/features-dsp.sh}.
 * Prints the median of timed runs after warm-up.
 */
public final class DspBench {
    public static void main(String[] args) throws Exception {
        Path shared = Path.of(args.length > 0 ? args[0] : "../shared");
        float[] y = Npy.read(shared.resolve("golden/librosa/g_music/y.npy")).toFloatArray();
        Signal s = new Signal(y, 22050);
        MelSpectrogram mel = MelSpectrogram.defaults(22050);
        Gtzan58 g = new Gtzan58();
        System.out.printf("mel spectrogram (incl. STFT), 30 s: median %.2f ms CPU (librosa 34.8 ms)%n", time(() -> mel.frames(s), 200, 41));
        System.out.printf("gtzan58 from samples, 30 s:        median %.2f ms CPU (librosa 1775 ms)%n", time(() -> g.extract(s), 20, 11));
        if (args.length > 1 && args[1].equals("--parts")) parts(s);
    }

    private static void parts(Signal s) {
        var stft = org.genrekit.features.dsp.Stft.defaults();
        var d = stft.complex(s.samples());
        var power = d.power();
        var hpss = org.genrekit.features.hpss.Hpss.defaults();
        var mel = MelSpectrogram.defaults(22050);
        var melP = mel.fromSpectrogram(power);
        var ff = new org.jtransforms.fft.FloatFFT_1D(2048);
        var df = new org.jtransforms.fft.DoubleFFT_1D(2048);
        float[] fb = new float[2048];
        double[] db = new double[2048];
        System.out.printf("  1292 float FFTs %.2f ms%n", time(() -> { for (int i = 0; i < 1292; i++) { fb[i % 2048] = i; ff.realForward(fb); } }, 20, 11));
        System.out.printf("  1292 double FFTs %.2f ms%n", time(() -> { for (int i = 0; i < 1292; i++) { db[i % 2048] = i; df.realForward(db); } }, 20, 11));
        // The median HPSS uses (LaneMedian; SlidingMedian, timed here before, is now only the tests' oracle).
        var lane = new org.genrekit.features.hpss.LaneMedian(31);
        float[] mags = d.magnitude().data();
        float[] outm = new float[mags.length];
        System.out.printf("  medians along time (%d frames x 1025 bins) %.2f ms%n", mags.length / 1025,
                time(() -> lane.filter(mags, mags.length / 1025, 1025, outm), 10, 7));
        System.out.printf("  stft complex %.2f ms%n", time(() -> stft.complex(s.samples()), 20, 11));
        System.out.printf("  stft power   %.2f ms%n", time(() -> stft.power(s.samples()), 20, 11));
        System.out.printf("  tuning only  %.2f ms%n", time(() -> org.genrekit.features.spectral.TuningEstimator.of(22050, 2048, 12).estimate(power), 20, 11));
        System.out.printf("  centroid+bw+rolloff %.2f ms%n", time(() -> { var m = d.magnitude(); var c = org.genrekit.features.spectral.SpectralCentroid.defaults(22050).fromMagnitude(m); org.genrekit.features.spectral.SpectralBandwidth.defaults(22050).fromMagnitude(m, c); org.genrekit.features.spectral.SpectralRolloff.defaults(22050).fromMagnitude(m); }, 20, 11));
        System.out.printf("  tuning+chroma %.2f ms%n", time(() -> org.genrekit.features.spectral.ChromaStft.defaults(22050).fromPower(power), 20, 11));
        System.out.printf("  hpss masks   %.2f ms%n", time(() -> hpss.masks(d), 10, 7));
        System.out.printf("  istft        %.2f ms%n", time(() -> stft.inverse(d, s.length()), 20, 11));
        System.out.printf("  mel from S   %.2f ms%n", time(() -> mel.fromSpectrogram(power), 20, 11));
        System.out.printf("  mfcc from mel %.2f ms%n", time(() -> org.genrekit.features.spectral.Mfcc.defaults(22050).fromMel(melP), 20, 11));
        var onset = org.genrekit.features.rhythm.OnsetStrength.forBeatTracking(22050);
        float[] env = onset.fromMel(melP);
        System.out.printf("  onset median %.2f ms%n", time(() -> onset.fromMel(melP), 20, 11));
        System.out.printf("  tempo        %.2f ms%n", time(() -> org.genrekit.features.rhythm.Tempo.defaults(22050).fromOnsetEnvelope(env), 20, 11));
        System.out.printf("  zcr+rms      %.2f ms%n", time(() -> { org.genrekit.features.spectral.ZeroCrossingRate.defaults().compute(s.samples()); org.genrekit.features.spectral.Rms.defaults().compute(s.samples()); }, 20, 11));
    }

    private static double time(Runnable r, int warm, int runs) {
        for (int i = 0; i < warm; i++) r.run();
        // Thread CPU time: the shared build machine's load inflates wall-clock figures.
        var mx = java.lang.management.ManagementFactory.getThreadMXBean();
        double[] t = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t0 = mx.getCurrentThreadCpuTime();
            r.run();
            t[i] = (mx.getCurrentThreadCpuTime() - t0) / 1e6;
        }
        java.util.Arrays.sort(t);
        return t[runs / 2];
    }
}
