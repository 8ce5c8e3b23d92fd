package org.genrekit.features.spectral;

import org.genrekit.features.dsp.Params;

/**
 * STFT-to-chroma filters as {@code librosa.filters.chroma}: a Gaussian bump per FFT bin around
 * each pitch class (in fractional chroma units, tuning-shifted), columns L2-normalised, weighted by
 * a Gaussian over octaves centred at {@code ctroct}, rolled to start at C. Immutable.
 */
public final class ChromaFilterBank {
    private final int sampleRate;
    private final int nFft;
    private final int nChroma;
    private final double tuning;
    private final float[][] weights;

    /**
     * @param tuning   deviation from A440 in fractions of a chroma bin, in [-0.5, 0.5)
     * @param ctroct   centre of the octave weighting (octaves above A0/16... as librosa: 5.0)
     * @param octwidth Gaussian half-width in octaves, or NaN for equal weighting of all octaves
     */
    public ChromaFilterBank(int sampleRate, int nFft, int nChroma, double tuning, double ctroct, double octwidth, boolean baseC) {
        this.sampleRate = Params.positive("sr", sampleRate);
        this.nFft = Params.positive("n_fft", nFft);
        this.nChroma = Params.positive("n_chroma", nChroma);
        this.tuning = Params.finite("tuning", tuning);
        double a440 = 440.0 * Math.pow(2.0, tuning / nChroma);
        // Bin positions in chroma units; bin 0 is placed 1.5 octaves below bin 1 (librosa's choice).
        double[] frqbins = new double[nFft];
        for (int k = 1; k < nFft; k++) {
            double f = k * (double) sampleRate / nFft;
            frqbins[k] = nChroma * log2(f / (a440 / 16.0));
        }
        frqbins[0] = frqbins[1] - 1.5 * nChroma;
        double[] binwidth = new double[nFft];
        for (int k = 0; k < nFft - 1; k++) binwidth[k] = Math.max(frqbins[k + 1] - frqbins[k], 1.0);
        binwidth[nFft - 1] = 1.0;
        double half = Math.rint(nChroma / 2.0);
        double[][] wts = new double[nChroma][nFft];
        for (int k = 0; k < nFft; k++) {
            double norm = 0;
            for (int c = 0; c < nChroma; c++) {
                double d = frqbins[k] - c;
                // Wrap into [-nChroma/2, nChroma/2): floor-mod as numpy's remainder does.
                double x = d + half + 10.0 * nChroma;
                double r = x - nChroma * Math.floor(x / nChroma);
                d = r - half;
                double w = Math.exp(-0.5 * Math.pow(2 * d / binwidth[k], 2));
                wts[c][k] = w;
                norm += w * w;
            }
            norm = Math.sqrt(norm);
            if (norm >= Double.MIN_NORMAL) {
                for (int c = 0; c < nChroma; c++) wts[c][k] /= norm;
            }
            if (!Double.isNaN(octwidth)) {
                double o = Math.exp(-0.5 * Math.pow((frqbins[k] / nChroma - ctroct) / octwidth, 2));
                for (int c = 0; c < nChroma; c++) wts[c][k] *= o;
            }
        }
        int bins = nFft / 2 + 1;
        this.weights = new float[nChroma][bins];
        int roll = baseC ? 3 : 0;
        for (int c = 0; c < nChroma; c++) {
            double[] src = wts[(c + roll) % nChroma];
            for (int k = 0; k < bins; k++) weights[c][k] = (float) src[k];
        }
    }

    /** librosa's defaults: ctroct 5, octwidth 2, base C. */
    public static ChromaFilterBank of(int sampleRate, int nFft, int nChroma, double tuning) {
        return new ChromaFilterBank(sampleRate, nFft, nChroma, tuning, 5.0, 2.0, true);
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2.0);
    }

    public int sampleRate() {
        return sampleRate;
    }

    public int nFft() {
        return nFft;
    }

    public int nChroma() {
        return nChroma;
    }

    public double tuning() {
        return tuning;
    }

    /** {@code [n_chroma][n_fft/2 + 1]} (a copy). */
    public float[][] toArray() {
        float[][] out = new float[nChroma][];
        for (int c = 0; c < nChroma; c++) out[c] = weights[c].clone();
        return out;
    }

    /**
     * out[outBase + c] = sum_k W[c][k] spec[specBase + k]. Dense dot products with four
     * independent single-precision partial sums (librosa's einsum is float32 too); the split keeps
     * the multiply-adds pipelined.
     */
    public void applyFrame(float[] spec, int specBase, float[] out, int outBase) {
        int bins = weights[0].length;
        int end4 = bins & ~3;
        for (int c = 0; c < nChroma; c++) {
            float[] w = weights[c];
            float a0 = 0f;
            float a1 = 0f;
            float a2 = 0f;
            float a3 = 0f;
            for (int k = 0; k < end4; k += 4) {
                a0 += w[k] * spec[specBase + k];
                a1 += w[k + 1] * spec[specBase + k + 1];
                a2 += w[k + 2] * spec[specBase + k + 2];
                a3 += w[k + 3] * spec[specBase + k + 3];
            }
            for (int k = end4; k < bins; k++) a0 += w[k] * spec[specBase + k];
            out[outBase + c] = (a0 + a1) + (a2 + a3);
        }
    }
}
