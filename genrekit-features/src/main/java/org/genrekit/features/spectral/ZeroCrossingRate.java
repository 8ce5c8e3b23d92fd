package org.genrekit.features.spectral;

import org.genrekit.audio.Signal;
import org.genrekit.features.dsp.Params;

/**
 * {@code librosa.feature.zero_crossing_rate}: fraction of sign changes in each frame. With
 * center, the signal is padded by frame_length/2 copies of its edge samples (librosa pads zcr
 * with mode='edge'); values with |y| &lt;= 1e-10 count as zero, zero counts as positive. Immutable.
 */
public final class ZeroCrossingRate {
    private static final double THRESHOLD = 1e-10;
    private final int frameLength;
    private final int hopLength;
    private final boolean center;

    public ZeroCrossingRate(int frameLength, int hopLength, boolean center) {
        this.frameLength = Params.positive("frame_length", frameLength);
        this.hopLength = Params.positive("hop_length", hopLength);
        this.center = center;
    }

    public static ZeroCrossingRate defaults() {
        return new ZeroCrossingRate(2048, 512, true);
    }

    public int frameCount(int n) {
        int padded = center ? n + 2 * (frameLength / 2) : n;
        if (padded < frameLength) throw new IllegalArgumentException("Input is too short (n=" + padded + ") for frame_length=" + frameLength);
        return 1 + (padded - frameLength) / hopLength;
    }

    public double[] compute(float[] y) {
        if (y.length == 0) throw new IllegalArgumentException("Audio buffer is empty");
        int n = y.length;
        int pad = center ? frameLength / 2 : 0;
        int frames = frameCount(n);
        // neg(i) of the padded signal: 1 when negative (numpy signbit after thresholding);
        // crossing[i] = neg(i) != neg(i-1), and prefix sums give each frame's count in O(1).
        // The edge padding repeats y[0] and y[n-1], so it adds no crossings: only the real samples
        // are scanned, branch-free.
        int total = n + 2 * pad;
        int[] prefix = new int[total + 1];
        int acc = 0;
        int prev = negative(y[0]);
        int at = pad + 1; // prefix[pad + 1 + j] counts the crossings up to y[j]; before y[0] none (zeros)
        for (int j = 1; j < n; j++) {
            int cur = negative(y[j]);
            acc += cur ^ prev;
            prev = cur;
            prefix[at + j] = acc;
        }
        for (int i = pad + n + 1; i <= total; i++) prefix[i] = acc;
        double[] out = new double[frames];
        for (int t = 0; t < frames; t++) {
            int s = t * hopLength;
            // The first sample of each frame has no predecessor inside the frame: not a crossing.
            int count = prefix[s + frameLength] - prefix[s + 1];
            out[t] = count / (double) frameLength;
        }
        return out;
    }

    /**
     * The rate of one centred frame given as {@code frame_length} samples ({@code frame[off ..]}), of
     * which {@code [realFrom, realTo)} are the signal: crossings between consecutive signal samples
     * inside it, as {@link #compute(float[])} counts them (the edge padding adds none).
     */
    public double frame(float[] frame, int off, int realFrom, int realTo) {
        int count = 0;
        for (int i = off + realFrom + 1; i < off + realTo; i++) count += negative(frame[i]) ^ negative(frame[i - 1]);
        return count / (double) frameLength;
    }

    /** 1 when v is negative beyond the threshold (|v| <= 1e-10 counts as zero, i.e. positive). */
    private static int negative(float v) {
        return v < -THRESHOLD ? 1 : 0;
    }

    public float[][] compute(Signal signal) {
        return Stats.row(compute(signal.samples()));
    }
}
