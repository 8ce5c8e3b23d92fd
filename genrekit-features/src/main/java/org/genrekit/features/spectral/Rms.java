package org.genrekit.features.spectral;

import org.genrekit.audio.Signal;
import org.genrekit.features.dsp.Params;

/**
 * {@code librosa.feature.rms} from the waveform: square root of the mean square of each frame,
 * the signal zero-padded by frame_length/2 on each side when centered. Immutable.
 */
public final class Rms {
    private final int frameLength;
    private final int hopLength;
    private final boolean center;

    public Rms(int frameLength, int hopLength, boolean center) {
        this.frameLength = Params.positive("frame_length", frameLength);
        this.hopLength = Params.positive("hop_length", hopLength);
        this.center = center;
    }

    public static Rms defaults() {
        return new Rms(2048, 512, true);
    }

    public double[] compute(float[] y) {
        int n = y.length;
        int pad = center ? frameLength / 2 : 0;
        int total = n + 2 * pad;
        if (total < frameLength) throw new IllegalArgumentException("Input is too short (n=" + total + ") for frame_length=" + frameLength);
        int frames = 1 + (total - frameLength) / hopLength;
        double[] out = new double[frames];
        if (frameLength % hopLength == 0 && pad % hopLength == 0) return blockwise(y, frames, pad);
        for (int t = 0; t < frames; t++) {
            int s = t * hopLength - pad;
            int from = Math.max(s, 0);
            int to = Math.min(s + frameLength, n);
            double acc = 0;
            for (int i = from; i < to; i++) acc += (double) y[i] * y[i];
            out[t] = Math.sqrt(acc / frameLength);
        }
        return out;
    }

    /**
     * Frames made of whole hops: sum squares once per hop-long block, then each frame adds its
     * blocks (O(n) instead of O(n * frameLength / hop), with no cancellation).
     */
    private double[] blockwise(float[] y, int frames, int pad) {
        int per = frameLength / hopLength;
        int firstBlock = -pad / hopLength;
        int nBlocks = frames - 1 + per;
        double[] block = new double[nBlocks];
        for (int b = 0; b < nBlocks; b++) {
            int s = (firstBlock + b) * hopLength;
            int from = Math.max(s, 0);
            int to = Math.min(s + hopLength, y.length);
            double acc = 0;
            for (int i = from; i < to; i++) acc += (double) y[i] * y[i];
            block[b] = acc;
        }
        double[] out = new double[frames];
        for (int t = 0; t < frames; t++) {
            double acc = 0;
            for (int b = t; b < t + per; b++) acc += block[b];
            out[t] = Math.sqrt(acc / frameLength);
        }
        return out;
    }

    /**
     * The value of one frame given as its {@code frame_length} samples ({@code frame[off ..]},
     * zeros where the signal is padded): the same sums as {@link #compute(float[])} of the whole
     * signal (padding adds exact zeros). Needs center and frame_length a multiple of hop_length.
     */
    public double frame(float[] frame, int off) {
        if (!center || frameLength % hopLength != 0 || (frameLength / 2) % hopLength != 0) {
            throw new IllegalStateException("frame by frame needs center and frame_length a multiple of hop_length");
        }
        double acc = 0;
        for (int b = 0; b < frameLength; b += hopLength) {
            double block = 0;
            for (int i = b; i < b + hopLength; i++) block += (double) frame[off + i] * frame[off + i];
            acc += block;
        }
        return Math.sqrt(acc / frameLength);
    }

    public float[][] compute(Signal signal) {
        return Stats.row(compute(signal.samples()));
    }
}
