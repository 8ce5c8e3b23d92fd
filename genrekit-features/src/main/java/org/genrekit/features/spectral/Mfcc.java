package org.genrekit.features.spectral;

import org.genrekit.audio.Signal;
import org.genrekit.features.dsp.FrameMatrix;
import org.genrekit.features.dsp.Params;

/**
 * {@code librosa.feature.mfcc}: orthonormal DCT-II of {@code power_to_db(melspectrogram)}
 * (ref 1.0, top_db 80), first {@code n_mfcc} coefficients, no liftering. Immutable.
 */
public final class Mfcc {
    private final MelSpectrogram mel;
    private final int nMfcc;
    private final PowerToDb toDb;
    private final double[][] dct;

    public Mfcc(MelSpectrogram mel, int nMfcc) {
        this.mel = mel;
        this.nMfcc = Params.positive("n_mfcc", nMfcc);
        int nMels = mel.bank().nMels();
        if (nMfcc > nMels) throw new IllegalArgumentException("n_mfcc=" + nMfcc + " must be <= n_mels=" + nMels);
        this.toDb = PowerToDb.defaults();
        this.dct = dctMatrix(nMfcc, nMels);
    }

    /** librosa's defaults at {@code sampleRate}: 20 coefficients over 128 Slaney mel bands. */
    public static Mfcc defaults(int sampleRate) {
        return new Mfcc(MelSpectrogram.defaults(sampleRate), 20);
    }

    public int nMfcc() {
        return nMfcc;
    }

    public MelSpectrogram mel() {
        return mel;
    }

    /** Rows {@code 0..n-1} of the orthonormal DCT-II matrix of size {@code size} (scipy.fft.dct norm='ortho'). */
    public static double[][] dctMatrix(int n, int size) {
        double[][] m = new double[n][size];
        for (int k = 0; k < n; k++) {
            double scale = k == 0 ? Math.sqrt(1.0 / size) : Math.sqrt(2.0 / size);
            for (int i = 0; i < size; i++) m[k][i] = scale * Math.cos(Math.PI * k * (2 * i + 1) / (2.0 * size));
        }
        return m;
    }

    /** MFCCs from a mel power spectrogram (frame-major). */
    public FrameMatrix fromMel(FrameMatrix melPower) {
        float[] db = toDb.applyInPlace(melPower.data().clone());
        return fromDb(new FrameMatrix(melPower.rows(), melPower.frames(), db));
    }

    /** MFCCs from an already log-scaled mel spectrogram (frame-major). */
    public FrameMatrix fromDb(FrameMatrix melDb) {
        int nMels = melDb.rows();
        if (nMels != dct[0].length) throw new IllegalArgumentException("expected " + dct[0].length + " mel bands, got " + nMels);
        float[] out = new float[nMfcc * melDb.frames()];
        float[] d = melDb.data();
        for (int t = 0; t < melDb.frames(); t++) {
            int base = t * nMels;
            for (int k = 0; k < nMfcc; k++) {
                double[] row = dct[k];
                // Four partial sums break the add-latency chain (the DCT is 20 x 128 per frame).
                double a0 = 0, a1 = 0, a2 = 0, a3 = 0;
                int i = 0;
                for (; i + 3 < nMels; i += 4) {
                    a0 += row[i] * d[base + i];
                    a1 += row[i + 1] * d[base + i + 1];
                    a2 += row[i + 2] * d[base + i + 2];
                    a3 += row[i + 3] * d[base + i + 3];
                }
                for (; i < nMels; i++) a0 += row[i] * d[base + i];
                out[t * nMfcc + k] = (float) ((a0 + a1) + (a2 + a3));
            }
        }
        return new FrameMatrix(nMfcc, melDb.frames(), out);
    }

    public FrameMatrix frames(Signal signal) {
        return fromMel(mel.frames(signal));
    }

    /** librosa's shape {@code [n_mfcc][frames]}. */
    public float[][] compute(Signal signal) {
        return frames(signal).toArray();
    }
}
