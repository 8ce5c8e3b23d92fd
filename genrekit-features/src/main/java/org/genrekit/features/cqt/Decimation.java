package org.genrekit.features.cqt;

import org.genrekit.audio.Resampler;

/**
 * Decimation by an integer factor as the CQT needs it: {@code librosa.resample(y, orig_sr=factor,
 * target_sr=1, res_type='soxr_hq', scale=True)}, i.e. the shared soxr_hq resampler with the
 * amplitude multiplied by sqrt(factor) to keep the energy; output length ceil(n / factor).
 */
final class Decimation {
    private Decimation() {
    }

    static float[] decimate(float[] y, int factor) {
        float[] x = Resampler.resample(y, factor, 1);
        float g = (float) Math.sqrt(factor);
        for (int i = 0; i < x.length; i++) x[i] *= g;
        return x;
    }
}
