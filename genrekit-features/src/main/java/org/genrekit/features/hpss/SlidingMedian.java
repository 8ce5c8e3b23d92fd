package org.genrekit.features.hpss;

/**
 * Running median of odd width over a sequence with scipy.ndimage's 'reflect' boundary
 * ({@code d c b a | a b c d | d c b a}). Keeps the window sorted; each step replaces the outgoing
 * value by the incoming one with a single shift of the elements between their ranks, so a step
 * costs O(log w + distance) without allocation. Not thread-safe: one instance per thread.
 */
public final class SlidingMedian {
    private final int width;
    private final int half;
    private final float[] sorted;
    private float[] padded = new float[0];

    public SlidingMedian(int width) {
        if (width <= 0 || width % 2 == 0) throw new IllegalArgumentException("kernel_size=" + width + " must be a positive odd integer");
        this.width = width;
        this.half = width / 2;
        this.sorted = new float[width];
    }

    /** Reflect index i into [0, n) as scipy's 'reflect' mode (period 2n). */
    static int reflect(int i, int n) {
        int period = 2 * n;
        int m = Math.floorMod(i, period);
        return m < n ? m : period - 1 - m;
    }

    /**
     * Median filter of {@code x[off], x[off + stride], ...} ({@code n} values) into
     * {@code out[outOff + k * outStride]}.
     */
    public void filter(float[] x, int off, int stride, int n, float[] out, int outOff, int outStride) {
        int total = n + 2 * half;
        if (padded.length < total) padded = new float[total];
        float[] p = padded;
        for (int j = 0; j < total; j++) {
            int i = j - half;
            int src = (i >= 0 && i < n) ? i : reflect(i, n);
            p[j] = x[off + src * stride];
        }
        float[] s = sorted;
        System.arraycopy(p, 0, s, 0, width);
        java.util.Arrays.sort(s);
        out[outOff] = s[half];
        for (int k = 1; k < n; k++) {
            float gone = p[k - 1];
            float in = p[k - 1 + width];
            if (gone != in) {
                int r = indexOf(s, gone);
                if (in > gone) {
                    while (r + 1 < width && s[r + 1] < in) {
                        s[r] = s[r + 1];
                        r++;
                    }
                } else {
                    while (r > 0 && s[r - 1] > in) {
                        s[r] = s[r - 1];
                        r--;
                    }
                }
                s[r] = in;
            }
            out[outOff + k * outStride] = s[half];
        }
    }

    private int indexOf(float[] s, float v) {
        int lo = 0;
        int hi = width - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            float m = s[mid];
            if (m < v) lo = mid + 1;
            else if (m > v) hi = mid - 1;
            else return mid;
        }
        throw new IllegalStateException("value " + v + " not in window (NaN input?)");
    }
}
