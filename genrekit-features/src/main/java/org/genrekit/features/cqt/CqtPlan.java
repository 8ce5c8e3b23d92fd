package org.genrekit.features.cqt;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Everything about a CQT that depends only on (sample rate, parameters, tuning): the early
 * downsampling factor, each octave's sparse FFT basis, frame size and hop, and the final per-bin
 * scale. Building the bases costs far more than applying them to a 30 s clip, so plans are cached
 * (tuning is quantised to librosa's 0.01-bin resolution by the estimator, so the cache stays small).
 */
final class CqtPlan {
    private static final int MAX_CACHED = 256;
    private static final Map<Key, CqtPlan> CACHE = new ConcurrentHashMap<>();

    private record Key(int sampleRate, CqtParams params, double tuning) {
    }

    /** One octave of filters, applied at {@code sampleRate} with {@code hop}. */
    record Octave(SparseBasis basis, double sampleRate, int hop, boolean halveAfter) {
    }

    final int sampleRate;
    final CqtParams params;
    /** Power of two by which the input is decimated before the first octave. */
    final int earlyFactor;
    final List<Octave> octaves;
    /** 1 / sqrt(filter length) per bin when params.scale(), else 1. */
    final double[] binScale;
    final double[] frequencies;

    private CqtPlan(int sampleRate, CqtParams params, double tuning) {
        this.sampleRate = sampleRate;
        this.params = params;
        int bpo = params.binsPerOctave();
        int nBins = params.nBins();
        int nOctaves = params.octaves();
        int nFilters = Math.min(bpo, nBins);
        double fmin = params.fmin() * Math.pow(2.0, tuning / bpo);
        double[] freqs = Wavelets.frequencies(nBins, fmin, bpo);
        double[] alpha = nBins == 1 ? new double[] {etRelativeBandwidth(bpo)} : Wavelets.relativeBandwidth(freqs);
        double cutoff = Wavelets.cutoff(freqs, alpha, params.filterScale());
        double nyquist = sampleRate / 2.0;
        if (cutoff > nyquist) {
            throw new IllegalArgumentException("Wavelet basis with max frequency=" + freqs[nBins - 1]
                    + " would exceed the Nyquist frequency=" + nyquist + ". Try reducing the number of frequency bins.");
        }
        int count1 = Math.max(0, (int) Math.ceil(log2(nyquist / cutoff)) - 1 - 1);
        int count2 = Math.max(0, Integer.numberOfTrailingZeros(params.hopLength()) - nOctaves + 1);
        int early = Math.min(count1, count2);
        this.earlyFactor = 1 << early;
        double sr = sampleRate / (double) earlyFactor;
        int hop = params.hopLength() / earlyFactor;

        List<Octave> list = new ArrayList<>(nOctaves);
        double mySr = sr;
        int myHop = hop;
        for (int i = 0; i < nOctaves; i++) {
            int hi = nBins - nFilters * i;
            int lo = Math.max(0, hi - nFilters);
            double[] f = java.util.Arrays.copyOfRange(freqs, lo, hi);
            double[] al = java.util.Arrays.copyOfRange(alpha, lo, hi);
            SparseBasis basis = f.length == 0 ? null : SparseBasis.build(f, al, mySr, params.filterScale(),
                    params.norm(), params.sparsity(), Math.sqrt(sr / mySr));
            boolean halve = myHop % 2 == 0;
            list.add(new Octave(basis, mySr, myHop, halve));
            if (halve) {
                myHop /= 2;
                mySr /= 2.0;
            }
        }
        this.octaves = List.copyOf(list);
        this.frequencies = freqs;
        this.binScale = new double[nBins];
        double[] lengths = Wavelets.lengths(freqs, alpha, sr, params.filterScale());
        for (int k = 0; k < nBins; k++) binScale[k] = params.scale() ? 1.0 / Math.sqrt(lengths[k]) : 1.0;
    }

    static CqtPlan of(int sampleRate, CqtParams params, double tuning) {
        Key key = new Key(sampleRate, params, tuning);
        CqtPlan plan = CACHE.get(key);
        if (plan != null) return plan;
        if (CACHE.size() >= MAX_CACHED) CACHE.clear();
        return CACHE.computeIfAbsent(key, k -> new CqtPlan(k.sampleRate(), k.params(), k.tuning()));
    }

    /** Relative bandwidth of a single equal-tempered bin. */
    private static double etRelativeBandwidth(int bpo) {
        double r = Math.pow(2.0, 1.0 / bpo);
        return (r * r - 1) / (r * r + 1);
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2.0);
    }
}
