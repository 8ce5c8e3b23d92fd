package org.genrekit.audio;

import java.util.Objects;
import org.genrekit.audio.resample.SincResampler;
import org.genrekit.audio.resample.SoxrLibrary;

/**
 * Band-limited resampling as {@code librosa.resample(y, orig_sr=from, target_sr=to, res_type='soxr_hq')}.
 *
 * <p>Uses libsoxr 0.1.3 (Debian {@code libsoxr0}, the very library behind librosa's default) through
 * the FFM API when it is installed: the output is then bit-identical to librosa's. Otherwise a pure-Java
 * Kaiser-windowed sinc with soxr HQ's pass/stop band and attenuation ({@link SincResampler}) is used;
 * {@link #backend()} says which.
 */
public final class Resampler {
    private Resampler() {
    }

    /** Which implementation {@link #resample} uses in this JVM. */
    public enum Backend { LIBSOXR, JAVA_SINC }

    public static Backend backend() {
        return SoxrLibrary.isAvailable() ? Backend.LIBSOXR : Backend.JAVA_SINC;
    }

    /**
     * Resamples {@code x} from {@code fromRate} to {@code toRate} Hz. The output has exactly librosa's
     * length, {@code ceil(n * (to / from))} computed in double precision as numpy does; the input is
     * not modified and is returned as a copy when the rates are equal.
     */
    public static float[] resample(float[] x, int fromRate, int toRate) {
        Objects.requireNonNull(x, "x");
        if (fromRate <= 0) {
            throw new IllegalArgumentException("fromRate must be > 0, got " + fromRate);
        }
        if (toRate <= 0) {
            throw new IllegalArgumentException("toRate must be > 0, got " + toRate);
        }
        if (fromRate == toRate) {
            return x.clone();
        }
        int n = outputLength(x.length, fromRate, toRate);
        if (x.length == 0) {
            return new float[0];
        }
        return SoxrLibrary.isAvailable()
                ? SoxrLibrary.resample(x, fromRate, toRate, n)
                : SincResampler.resample(x, fromRate, toRate, n);
    }

    /** {@link #outputLength(int, int, int)} for streams longer than an array. */
    public static long outputLength(long n, int fromRate, int toRate) {
        return (long) Math.ceil(n * ((double) toRate / fromRate));
    }

    /** librosa: {@code int(np.ceil(n * (float(target_sr) / orig_sr)))}, the same double arithmetic. */
    public static int outputLength(int n, int fromRate, int toRate) {
        double len = Math.ceil(n * ((double) toRate / fromRate));
        if (len > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("resampled length " + (long) len + " exceeds the largest Java array");
        }
        return (int) len;
    }
}
