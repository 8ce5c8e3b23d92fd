package org.genrekit.features.dsp;

import java.util.Objects;

/**
 * A complex STFT, frame-major: bin {@code f} of frame {@code t} is
 * {@code re[t * bins + f] + i im[t * bins + f]}. Arrays are shared, not copied: treat as read-only.
 *
 * @param bins   {@code n_fft / 2 + 1}
 * @param frames number of frames
 * @param re     real parts
 * @param im     imaginary parts
 */
public record ComplexSpectrogram(int bins, int frames, float[] re, float[] im) {
    public ComplexSpectrogram {
        Objects.requireNonNull(re, "re");
        Objects.requireNonNull(im, "im");
        if ((long) bins * frames != re.length || re.length != im.length) {
            throw new IllegalArgumentException("bins=" + bins + " x frames=" + frames + " does not match arrays of " + re.length + "/" + im.length);
        }
    }

    /** |X|, frame-major, rounded as numpy does ({@link ComplexAbs}). */
    public FrameMatrix magnitude() {
        float[] m = new float[re.length];
        for (int i = 0; i < m.length; i++) m[i] = ComplexAbs.abs(re[i], im[i]);
        return new FrameMatrix(bins, frames, m);
    }

    /** |X|^2 as {@code np.abs(D) ** 2}, frame-major. */
    public FrameMatrix power() {
        float[] m = new float[re.length];
        for (int i = 0; i < m.length; i++) m[i] = ComplexAbs.power(re[i], im[i]);
        return new FrameMatrix(bins, frames, m);
    }
}
