package org.genrekit.features.cqt;

/**
 * The constant-Q to chroma folding matrix of {@code librosa.filters.cq_to_chroma} (base_c=True,
 * no window): bins_per_octave / n_chroma adjacent bins, centred on each pitch class, summed.
 */
final class CqToChroma {
    private CqToChroma() {
    }

    /** Returns [n_chroma][n_input] with 0/1 entries. */
    static float[][] matrix(int nInput, int binsPerOctave, int nChroma, double fmin) {
        if (binsPerOctave % nChroma != 0) {
            throw new IllegalArgumentException("Incompatible CQ merge: input bins must be an integer multiple of output bins.");
        }
        int nMerge = binsPerOctave / nChroma;
        // np.repeat(np.eye(n_chroma), n_merge, axis=1) rolled left by n_merge // 2
        int[] chromaOfBin = new int[binsPerOctave];
        for (int j = 0; j < binsPerOctave; j++) {
            int src = Math.floorMod(j + nMerge / 2, binsPerOctave);
            chromaOfBin[j] = src / nMerge;
        }
        // Rotate so that row 0 is C: roll rows by round(midi(fmin) mod 12 * n_chroma / 12).
        double midi0 = mod(12 * log2(fmin / 440.0) + 69, 12.0);
        int roll = (int) Math.rint(midi0 * (nChroma / 12.0));
        float[][] m = new float[nChroma][nInput];
        for (int j = 0; j < nInput; j++) {
            int c = chromaOfBin[j % binsPerOctave];
            m[Math.floorMod(c + roll, nChroma)][j] = 1f;
        }
        return m;
    }

    private static double mod(double a, double b) {
        double r = a % b;
        return r < 0 ? r + b : r;
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2.0);
    }
}
