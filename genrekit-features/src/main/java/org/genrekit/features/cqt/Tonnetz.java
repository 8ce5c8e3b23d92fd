package org.genrekit.features.cqt;

import java.util.Objects;
import org.genrekit.audio.Signal;

/**
 * Tonal centroid features, as {@code librosa.feature.tonnetz} 0.11: the L1-normalised chroma
 * projected on three circles (fifths r=1, minor thirds r=1, major thirds r=0.5), sine and cosine
 * each. Without a chromagram it uses {@link ChromaCqt}'s defaults. Immutable and thread-safe.
 */
public final class Tonnetz {
    private static final double[] SCALE = {7.0 / 6, 7.0 / 6, 3.0 / 2, 3.0 / 2, 2.0 / 3, 2.0 / 3};
    private static final double[] RADIUS = {1, 1, 1, 1, 0.5, 0.5};

    private final ChromaCqt chroma;

    public Tonnetz(ChromaCqt chroma) {
        this.chroma = Objects.requireNonNull(chroma, "chroma");
    }

    /** librosa 0.11 defaults: chroma_cqt(y, sr) with its defaults. */
    public Tonnetz() {
        this(new ChromaCqt());
    }

    public float[][] compute(Signal signal) {
        return fromChroma(chroma.compute(Objects.requireNonNull(signal, "signal")));
    }

    private static double[][] phi(int nChroma) {
        double[][] phi = new double[6][nChroma];
        for (int r = 0; r < 6; r++) {
            for (int c = 0; c < nChroma; c++) {
                double dim = 12.0 * c / nChroma;
                double v = SCALE[r] * dim - (r % 2 == 0 ? 0.5 : 0.0);
                phi[r][c] = RADIUS[r] * Math.cos(Math.PI * v);
            }
        }
        return phi;
    }

    /** {@link #fromChroma} one frame at a time: {@code column(chroma, out)} projects n_chroma values into 6. */
    public static final class Projector {
        private final double[][] phi;
        private final int nChroma;

        public Projector(int nChroma) {
            this.nChroma = nChroma;
            this.phi = phi(nChroma);
        }

        public void column(float[] chroma, float[] out) {
            double l1 = 0;
            for (int c = 0; c < nChroma; c++) l1 += Math.abs(chroma[c]);
            double inv = l1 < Float.MIN_NORMAL ? 1.0 : 1.0 / l1;
            for (int r = 0; r < 6; r++) {
                double acc = 0;
                for (int c = 0; c < nChroma; c++) acc += phi[r][c] * (float) (chroma[c] * inv);
                out[r] = (float) acc;
            }
        }
    }

    /** tonnetz(chroma=...) for any chromagram [n_chroma][frames]. */
    public static float[][] fromChroma(float[][] chroma) {
        int nChroma = chroma.length;
        if (nChroma == 0) throw new IllegalArgumentException("chroma must have at least one row");
        int frames = chroma[0].length;
        double[][] phi = phi(nChroma);
        float[][] out = new float[6][frames];
        for (int t = 0; t < frames; t++) {
            double l1 = 0;
            for (float[] row : chroma) l1 += Math.abs(row[t]);
            double inv = l1 < Float.MIN_NORMAL ? 1.0 : 1.0 / l1;
            for (int r = 0; r < 6; r++) {
                double acc = 0;
                for (int c = 0; c < nChroma; c++) acc += phi[r][c] * (float) (chroma[c][t] * inv);
                out[r][t] = (float) acc;
            }
        }
        return out;
    }
}
