package org.genrekit.deep.train;

import org.genrekit.deep.arch.ArchSpec;

/**
 * Training-time augmentation. SpecAugment masks zero (the normalised mean) random bands and frame
 * ranges of each chunk; mixup blends pairs of chunks and their labels with a Beta(alpha, alpha)
 * weight; gain and tilt add a random level (dB) and a random spectral slope (dB from the lowest to
 * the highest band) to each log-mel chunk, so that a network cannot key on one recording's level
 * or equalisation (GTZAN's splits keep artists apart, and recordings differ more than genres do).
 *
 * @param freqMasks     masks along the band axis per chunk
 * @param freqMaskMax   widest band mask
 * @param timeMasks     masks along the time axis per chunk
 * @param timeMaskMax   widest time mask in frames
 * @param mixupAlpha    Beta parameter, 0 disables mixup
 * @param gainDb        largest random level change in dB (spectrograms only), 0 disables
 * @param tiltDb        largest random spectral slope in dB across the bands (spectrograms only), 0 disables
 */
public record Augment(int freqMasks, int freqMaskMax, int timeMasks, int timeMaskMax, double mixupAlpha, double gainDb, double tiltDb) {
    public Augment {
        if (freqMasks < 0 || freqMaskMax < 0 || timeMasks < 0 || timeMaskMax < 0) {
            throw new IllegalArgumentException("mask counts and widths must be >= 0");
        }
        if (!(mixupAlpha >= 0)) throw new IllegalArgumentException("mixupAlpha must be >= 0, got " + mixupAlpha);
        if (!(gainDb >= 0)) throw new IllegalArgumentException("gainDb must be >= 0, got " + gainDb);
        if (!(tiltDb >= 0)) throw new IllegalArgumentException("tiltDb must be >= 0, got " + tiltDb);
    }

    public static Augment none() {
        return new Augment(0, 0, 0, 0, 0, 0, 0);
    }

    /** Two masks of up to 8 bands and two of up to 16 frames, no mixup, no gain or tilt. */
    public static Augment specAugment() {
        return new Augment(2, 8, 2, 16, 0, 0, 0);
    }

    /**
     * SpecAugment sized for an input: the default for log-mel chunks; for the backbone's 10 s
     * windows of 128 bands two masks of up to 16 bands and two of up to 100 frames (1 s).
     */
    public static Augment specAugment(ArchSpec.InputKind kind) {
        return kind == ArchSpec.InputKind.BACKBONE_MEL ? new Augment(2, 16, 2, 100, 0, 0, 0) : specAugment();
    }

    public Augment withMixup(double alpha) {
        return new Augment(freqMasks, freqMaskMax, timeMasks, timeMaskMax, alpha, gainDb, tiltDb);
    }

    public Augment withGainTilt(double gain, double tilt) {
        return new Augment(freqMasks, freqMaskMax, timeMasks, timeMaskMax, mixupAlpha, gain, tilt);
    }
}
