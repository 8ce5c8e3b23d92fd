package org.genrekit.features.cqt;

/**
 * Parameters of a constant-Q transform, as {@code librosa.cqt} 0.11 takes them (window 'hann',
 * pad_mode 'constant' and res_type 'soxr_hq' are fixed). The sample rate is not here: it comes
 * with the signal.
 *
 * @param hopLength     samples between frames, &gt; 0; must be divisible by 2^(octaves-1) for
 *                      every octave to keep the same frame grid
 * @param fmin          lowest bin frequency in Hz before tuning, &gt; 0 (librosa: C1 = 32.70 Hz)
 * @param nBins         number of bins, &gt; 0
 * @param binsPerOctave bins per octave, &gt; 0
 * @param filterScale   filter length scale, &gt; 0
 * @param norm          basis normalisation: 1 (L1, librosa's default), 2, or +Infinity
 * @param sparsity      fraction of each basis' energy to drop, in [0, 1)
 * @param scale         divide each bin by sqrt(filter length) (librosa's scale=True)
 */
public record CqtParams(int hopLength, double fmin, int nBins, int binsPerOctave, double filterScale,
                        double norm, double sparsity, boolean scale) {
    /** C1, librosa's default fmin: note_to_hz('C1') = 440 * 2^((24 - 69) / 12). */
    public static final double C1_HZ = 440.0 * Math.pow(2.0, (24 - 69) / 12.0);

    public CqtParams {
        if (hopLength <= 0) throw new IllegalArgumentException("hop_length=" + hopLength + " must be a positive integer");
        if (!(fmin > 0) || Double.isInfinite(fmin)) throw new IllegalArgumentException("fmin=" + fmin + " must be positive");
        if (nBins <= 0) throw new IllegalArgumentException("n_bins=" + nBins + " must be a positive integer");
        if (binsPerOctave <= 0) throw new IllegalArgumentException("bins_per_octave=" + binsPerOctave + " must be a positive integer");
        if (!(filterScale > 0) || Double.isInfinite(filterScale)) {
            throw new IllegalArgumentException("filter_scale=" + filterScale + " must be positive");
        }
        if (!(norm == 1 || norm == 2 || norm == Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("norm=" + norm + " must be 1, 2 or inf");
        }
        if (!(sparsity >= 0 && sparsity < 1)) throw new IllegalArgumentException("sparsity=" + sparsity + " must be in [0, 1)");
    }

    /** librosa.cqt's defaults: hop 512, fmin C1, 84 bins, 12 per octave, L1 norm, sparsity 0.01, scale. */
    public static CqtParams defaults() {
        return new CqtParams(512, C1_HZ, 84, 12, 1.0, 1.0, 0.01, true);
    }

    public CqtParams withHopLength(int hop) {
        return new CqtParams(hop, fmin, nBins, binsPerOctave, filterScale, norm, sparsity, scale);
    }

    public CqtParams withBins(int bins, int perOctave) {
        return new CqtParams(hopLength, fmin, bins, perOctave, filterScale, norm, sparsity, scale);
    }

    public CqtParams withFmin(double hz) {
        return new CqtParams(hopLength, hz, nBins, binsPerOctave, filterScale, norm, sparsity, scale);
    }

    /** ceil(n_bins / bins_per_octave). */
    public int octaves() {
        return (nBins + binsPerOctave - 1) / binsPerOctave;
    }
}
