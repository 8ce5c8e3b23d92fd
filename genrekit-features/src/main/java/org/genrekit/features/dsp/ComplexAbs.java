package org.genrekit.features.dsp;

/**
 * {@code np.abs} of a complex64 value, rounded as the librosa reference was: numpy's AVX-512F
 * kernel computes {@code larger * sqrt(fma(r, r, 1))} with {@code r = smaller / larger}, all in
 * float32. It differs from the correctly rounded hypot by an ulp in about a third of the bins;
 * this form reproduces the golden {@code stft_mag} bit for bit in all but a few dozen of 1.3
 * million bins (those whose complex64 rounding differs between FFT libraries). A power
 * spectrogram is this magnitude squared in float32, as {@code np.abs(D) ** 2} is.
 */
public final class ComplexAbs {
    private ComplexAbs() {
    }

    /** |re + i im| in float32 as numpy's AVX-512F kernel rounds it; inputs are finite. */
    public static float abs(float re, float im) {
        float a = Math.abs(re);
        float b = Math.abs(im);
        float larger = Math.max(a, b);
        // Dividing by at least the smallest float turns 0/0 into 0/tiny = 0 (and changes nothing
        // else): no branch, so that loops over a spectrum vectorise.
        float ratio = Math.min(a, b) / Math.max(larger, Float.MIN_VALUE);
        // A double square root of a float rounds to the float square root exactly.
        return (float) Math.sqrt(Math.fma(ratio, ratio, 1f)) * larger;
    }

    /** |re + i im|² as {@code np.abs(D) ** 2}: the float32 magnitude squared in float32. */
    public static float power(float re, float im) {
        float m = abs(re, im);
        return m * m;
    }
}
