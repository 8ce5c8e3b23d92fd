package org.genrekit.features.hpss;

/**
 * Test oracle: the straightforward insertion-based sliding median that LaneMedian must equal bit for bit.
 *
 * Running median of odd width over a sequence with scipy.ndimage's 'reflect' boundary
 * ({@code d c b a | a b c d | d c b a}). Keeps the window sorted (as longs: order-preserving
 * value bits, then the window slot) and remembers where each slot sits, so a step needs no
 * search: the outgoing value's place is known and the incoming value slides from there to its
 * rank, one load and two stores per place (sentinels at both ends remove bound checks).
 * This is the bulk of HPSS, hence the care. Not thread-safe: one instance per thread.
 */
public final class SlidingMedian {
    private final int width;
    private final int half;
    private static final int SLOT_BITS = 16;
    private static final long SLOT_MASK = (1L << SLOT_BITS) - 1;
    /**
     * sorted[1..width]: the window as keys (value, then slot) in order, with sentinels
     * sorted[0] = Long.MIN_VALUE and sorted[width + 1] = Long.MAX_VALUE.
     */
    private final long[] sorted;
    /** posOf[slot]: index in sorted[] of that slot's key (slot = sample index mod width). */
    private final int[] posOf;
    private float[] padded = new float[0];

    public SlidingMedian(int width) {
        if (width <= 0 || width % 2 == 0) throw new IllegalArgumentException("kernel_size=" + width + " must be a positive odd integer");
        this.width = width;
        this.half = width / 2;
        if (width > SLOT_MASK) throw new IllegalArgumentException("kernel_size=" + width + " is too large");
        this.sorted = new long[width + 2];
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
        long[] s = sorted;
        int[] posOf = this.posOf;
        s[0] = Long.MIN_VALUE;
        s[width + 1] = Long.MAX_VALUE;
        // Insertion sort of the first window.
        for (int j = 0; j < width; j++) {
            long v = key(p[j], j);
            int i = j;
            while (i > 0 && s[i] > v) {
                s[i + 1] = s[i];
                i--;
            }
            s[i + 1] = v;
        }
        for (int i = 1; i <= width; i++) posOf[(int) (s[i] & SLOT_MASK)] = i;
        int mid = half + 1;
        out[outOff] = value(s[mid]);
        int slot = 0;
        for (int k = 1; k < n; k++) {
            // p[k - 1] leaves, p[k - 1 + width] enters the same slot.
            long in = key(p[k - 1 + width], slot);
            int r = posOf[slot];
            if (in > s[r]) {
                long next;
                while ((next = s[r + 1]) < in) {
                    s[r] = next;
                    posOf[(int) (next & SLOT_MASK)] = r;
                    r++;
                }
            } else {
                long prev;
                while ((prev = s[r - 1]) > in) {
                    s[r] = prev;
                    posOf[(int) (prev & SLOT_MASK)] = r;
                    r--;
                }
            }
            s[r] = in;
            posOf[slot] = r;
            out[outOff + k * outStride] = value(s[mid]);
            if (++slot == width) slot = 0;
        }
    }

    /** Value bits made order-preserving as a signed int, above the slot number: one long per entry. */
    private static long key(float v, int slot) {
        int bits = Float.floatToRawIntBits(v);
        int sortable = bits ^ ((bits >> 31) & 0x7fffffff);
        return ((long) sortable << SLOT_BITS) | slot;
    }

    private static float value(long key) {
        int sortable = (int) (key >> SLOT_BITS);
        return Float.intBitsToFloat(sortable ^ ((sortable >> 31) & 0x7fffffff));
    }
}
