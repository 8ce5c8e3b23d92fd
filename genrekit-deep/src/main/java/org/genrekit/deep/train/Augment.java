package org.genrekit.deep.train;

/**
 * Training-time augmentation. SpecAugment masks zero (the normalised mean) random bands and frame
 * ranges of each chunk; mixup blends pairs of chunks and their labels with a Beta(alpha, alpha)
 * weight.
 *
 * @param freqMasks     masks along the band axis per chunk
 * @param freqMaskMax   widest band mask
 * @param timeMasks     masks along the time axis per chunk
 * @param timeMaskMax   widest time mask in frames
 * @param mixupAlpha    Beta parameter, 0 disables mixup
 */
public record Augment(int freqMasks, int freqMaskMax, int timeMasks, int timeMaskMax, double mixupAlpha) {
    public Augment {
        if (freqMasks < 0 || freqMaskMax < 0 || timeMasks < 0 || timeMaskMax < 0) {
            throw new IllegalArgumentException("mask counts and widths must be >= 0");
        }
        if (!(mixupAlpha >= 0)) throw new IllegalArgumentException("mixupAlpha must be >= 0, got " + mixupAlpha);
    }

    public static Augment none() {
        return new Augment(0, 0, 0, 0, 0);
    }

    /** Two masks of up to 8 bands and two of up to 16 frames, no mixup. */
    public static Augment specAugment() {
        return new Augment(2, 8, 2, 16, 0);
    }

    public Augment withMixup(double alpha) {
        return new Augment(freqMasks, freqMaskMax, timeMasks, timeMaskMax, alpha);
    }
}
