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
        // sign[i] of the padded signal: true when negative (numpy signbit after thresholding).
        int total = n + 2 * pad;
        boolean[] neg = new boolean[total];
        for (int i = 0; i < total; i++) {
            int j = Math.min(Math.max(i - pad, 0), n - 1);
            float v = y[j];
            neg[i] = Math.abs(v) > THRESHOLD && v < 0;
        }
        // crossing[i] = neg[i] != neg[i-1]; prefix sums give each frame's count in O(1).
        int[] prefix = new int[total + 1];
        for (int i = 1; i < total; i++) prefix[i + 1] = prefix[i] + (neg[i] != neg[i - 1] ? 1 : 0);
        double[] out = new double[frames];
        for (int t = 0; t < frames; t++) {
            int s = t * hopLength;
            // The first sample of each frame has no predecessor inside the frame: not a crossing.
            int count = prefix[s + frameLength] - prefix[s + 1];
            out[t] = count / (double) frameLength;
        }
        return out;
    }

    public float[][] compute(Signal signal) {
        return Stats.row(compute(signal.samples()));
    }
}
