package org.genrekit.features.hpss;

/**
 * Running median of odd width over a sequence with scipy.ndimage's 'reflect' boundary
 * ({@code d c b a | a b c d | d c b a}). Keeps the window sorted and remembers where each
 * window slot sits in it, so a step needs no search: the outgoing value's place is known and
 * the incoming value slides from there to its rank (sentinels at both ends remove bound checks).
 * This is the bulk of HPSS, hence the care. Not thread-safe: one instance per thread.
 */
public final class SlidingMedian {
    private final int width;
    private final int half;
    /** sorted[1..width] hold the window in order; sorted[0] = -inf and sorted[width + 1] = +inf. */
    private final float[] sorted;
    /** slotAt[i]: window slot (sample index mod width) of sorted[i]. */
    private final int[] slotAt;
    /** posOf[slot]: index in sorted[] of that slot's value. */
    private final int[] posOf;
    private float[] padded = new float[0];

    public SlidingMedian(int width) {
        if (width <= 0 || width % 2 == 0) throw new IllegalArgumentException("kernel_size=" + width + " must be a positive odd integer");
        this.width = width;
        this.half = width / 2;
        this.sorted = new float[width + 2];
        this.slotAt = new int[width + 2];
        this.posOf = new int[width];
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
        int[] slotAt = this.slotAt;
        int[] posOf = this.posOf;
        s[0] = Float.NEGATIVE_INFINITY;
        s[width + 1] = Float.POSITIVE_INFINITY;
        // Insertion sort of the first window, tracking slots.
        for (int j = 0; j < width; j++) {
            float v = p[j];
            int i = j;
            while (i > 0 && s[i] > v) {
                s[i + 1] = s[i];
                slotAt[i + 1] = slotAt[i];
                i--;
            }
            s[i + 1] = v;
            slotAt[i + 1] = j;
        }
        for (int i = 1; i <= width; i++) posOf[slotAt[i]] = i;
        int mid = half + 1;
        out[outOff] = s[mid];
        int slot = 0;
        for (int k = 1; k < n; k++) {
            // p[k - 1] leaves, p[k - 1 + width] enters the same slot.
            float in = p[k - 1 + width];
            int r = posOf[slot];
            if (in > s[r]) {
                while (s[r + 1] < in) {
                    int moved = slotAt[r + 1];
                    s[r] = s[r + 1];
                    slotAt[r] = moved;
                    posOf[moved] = r;
                    r++;
                }
            } else {
                while (s[r - 1] > in) {
                    int moved = slotAt[r - 1];
                    s[r] = s[r - 1];
                    slotAt[r] = moved;
                    posOf[moved] = r;
                    r--;
                }
            }
            s[r] = in;
            slotAt[r] = slot;
            posOf[slot] = r;
            out[outOff + k * outStride] = s[mid];
            if (++slot == width) slot = 0;
        }
    }
}
