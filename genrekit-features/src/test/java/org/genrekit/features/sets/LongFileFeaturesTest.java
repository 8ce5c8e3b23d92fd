package org.genrekit.features.sets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.genrekit.audio.LoadOptions;
import org.genrekit.audio.Signal;
import org.genrekit.audio.SignalSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whole-file features of long signals, computed in chunks while the file is decoded block by
 * block, equal the whole computation (every spectrogram held at once) to 1e-5 relative. Before,
 * the whole computation was the only one: a 45-60 minute track ran out of memory in HPSS.
 */
class LongFileFeaturesTest {
    @TempDir
    Path dir;

    /** Largest relative difference over the columns (absolute below {@code floor}). */
    static double maxRelative(List<String> columns, double[] got, double[] want, double floor) {
        double worst = 0;
        String where = "";
        for (int i = 0; i < want.length; i++) {
            if (Double.isNaN(got[i]) && Double.isNaN(want[i])) continue; // both undefined (skew of a constant row)
            double d = Math.abs(got[i] - want[i]) / Math.max(Math.abs(want[i]), floor);
            if (d > worst || Double.isNaN(d)) {
                worst = Double.isNaN(d) ? Double.POSITIVE_INFINITY : d;
                where = columns.get(i) + " " + got[i] + " vs " + want[i];
            }
        }
        System.out.printf(Locale.ROOT, "  largest relative difference %.3g (%s)%n", worst, where);
        return worst;
    }

    @Test
    void gtzan58OfATenMinuteWavStreamedInChunksEqualsTheWholeComputation() throws Exception {
        Gtzan58 set = new Gtzan58();
        Signal ten = LongSignals.concatenated(600, 22050);
        assertEquals(600 * 22050, ten.length());
        Path wav = LongSignals.floatWav(dir.resolve("ten-minutes.wav"), ten);
        long t0 = System.nanoTime();
        double[] whole = set.extractWhole(ten);
        long t1 = System.nanoTime();
        double[] streamed = set.extractDouble(SignalSource.of(wav, LoadOptions.atRate(22050)));
        long t2 = System.nanoTime();
        System.out.printf(Locale.ROOT, "  gtzan58, 10 min: whole %.1f s, streamed (2 decodes, %d-frame chunks) %.1f s%n",
                (t1 - t0) / 1e9, Gtzan58.CHUNK_FRAMES, (t2 - t1) / 1e9);
        assertTrue(maxRelative(set.columns(), streamed, whole, 1e-12) <= 1e-5);
        assertEquals(whole[0], streamed[0], "length");
        assertEquals(whole[set.columns().indexOf("tempo")], streamed[set.columns().indexOf("tempo")], "tempo");
    }

    @Test
    void fma518OfATenMinuteWavStreamedEqualsTheWholeComputation() throws Exception {
        Fma518 set = new Fma518();
        Signal ten = LongSignals.concatenated(600, 44100);
        Path wav = LongSignals.floatWav(dir.resolve("ten-minutes-44k.wav"), ten);
        long t0 = System.nanoTime();
        float[] whole = set.extractWhole(ten);
        long t1 = System.nanoTime();
        float[] streamed = set.extract(SignalSource.of(wav, set.loadOptions()));
        long t2 = System.nanoTime();
        System.out.printf(Locale.ROOT, "  fma518, 10 min at 44.1 kHz: whole %.1f s, streamed (2 decodes) %.1f s%n", (t1 - t0) / 1e9, (t2 - t1) / 1e9);
        assertTrue(maxRelative(set.columns(), toDouble(streamed), toDouble(whole), 1e-12) <= 1e-5);
    }

    @Test
    void fma518SmallChunksAreExact() throws Exception {
        Fma518 set = new Fma518();
        Signal s = LongSignals.concatenated(40, 44100);
        float[] whole = set.extractWhole(s);
        for (int chunk : new int[] {1, 100, 999}) {
            float[] chunked = set.extract(SignalSource.of(s), chunk);
            assertTrue(maxRelative(set.columns(), toDouble(chunked), toDouble(whole), 1e-12) == 0, "chunks of " + chunk);
        }
    }

    private static double[] toDouble(float[] v) {
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) d[i] = v[i];
        return d;
    }

    @Test
    void smallChunksAreExactToo() throws Exception {
        Gtzan58 set = new Gtzan58();
        Signal s = LongSignals.concatenated(45, 22050);
        double[] whole = set.extractWhole(s);
        for (int chunk : new int[] {31, 100, 777}) {
            double[] chunked = set.extractDouble(SignalSource.of(s), chunk);
            assertTrue(maxRelative(set.columns(), chunked, whole, 1e-12) <= 1e-9, "chunks of " + chunk);
        }
    }
}
