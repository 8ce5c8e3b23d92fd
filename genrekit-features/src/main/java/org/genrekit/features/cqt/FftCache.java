package org.genrekit.features.cqt;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jtransforms.fft.DoubleFFT_1D;

/** Shared JTransforms plans by length (a plan only holds read-only twiddle tables). */
final class FftCache {
    private static final Map<Integer, DoubleFFT_1D> PLANS = new ConcurrentHashMap<>();

    private FftCache() {
    }

    static DoubleFFT_1D get(int n) {
        return PLANS.computeIfAbsent(n, DoubleFFT_1D::new);
    }
}
