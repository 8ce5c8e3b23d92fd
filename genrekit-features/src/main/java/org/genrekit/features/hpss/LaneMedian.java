package org.genrekit.features.hpss;

/**
 * Running median of odd width along the position axis of many series at once, with scipy.ndimage's
 * 'reflect' boundary (as scipy.ndimage.median_filter). Input and output are position-major: the value of
 * series {@code l} at position {@code i} is {@code x[i * lanes + l]}, so a frame-major spectrogram
 * is filtered along time with the bins as lanes, without a transpose.
 *
 * <p>Why: an insertion-based sorted window (the test oracle SlidingMedian) spends its time on unpredictable branches. Here
 * every series keeps its window sorted, and a step is branch-free: the outgoing value is removed
 * ({@code a'[s] = a[s] < out ? a[s] : a[s + 1]}, by integer masks) and the incoming one inserted
 * ({@code b[s] = max(a'[s - 1], min(a'[s], in))}); the median is then {@code b[width / 2]}. The loops
 * run over a block of series at one window place, and the two copies of the window have different
 * element types (long, int), so no loop stores into an array of the type it reads at another offset:
 * that is what lets the JIT (JDK 25, no run-time alias checks) turn them into vector instructions.
 * Values are compared by order-preserving integer bits, so the result is the exact median (ties and
 * signed zeros as the sorted-window filter gives them).
 * Not thread-safe: one instance per thread.
 */
public final class LaneMedian {
    /**
     * At most this many series per block. Long blocks win (measured on a 1293 x 1025 spectrogram:
     * 64 series 22 ms, 256 18 ms, 1025 13 ms): the loops are short otherwise, and the tables of
     * 2048 series (~0.8 MB for width 31) still fit the L2 cache.
     */
    private static final int MAX_BLOCK = 2048;

    private final int width;
    private final int half;
    /** sorted[(s + 1) * block + lane], s in -1 .. width: the window in order, sentinels at both ends. */
    private long[] sorted = new long[0];
    /** The window with the outgoing value removed: reduced[(s + 1) * block + lane], s in -1 .. width - 1. */
    private int[] reduced = new int[0];
    private long[] outgoing = new long[0];
    private int[] incoming = new int[0];
    /** Series in the current block (the tables' row length). */
    private int block;
    private final int[] firstWindow;

    public LaneMedian(int width) {
        if (width <= 0 || width % 2 == 0) throw new IllegalArgumentException("kernel_size=" + width + " must be a positive odd integer");
        this.width = width;
        this.half = width / 2;
        this.firstWindow = new int[width];
    }

    /**
     * Median filter along positions {@code 0 .. positions-1} of each of {@code lanes} series in
     * {@code x} (position-major) into {@code out} (same layout).
     */
    public void filter(float[] x, int positions, int lanes, float[] out) {
        if (positions < 1 || lanes < 1) throw new IllegalArgumentException("positions=" + positions + " and lanes=" + lanes + " must be positive");
        long n = (long) positions * lanes;
        if (x.length < n || out.length < n) {
            throw new IllegalArgumentException("arrays hold fewer than positions * lanes = " + n + " values");
        }
        int blocks = (lanes + MAX_BLOCK - 1) / MAX_BLOCK;
        int size = (lanes + blocks - 1) / blocks;
        if (size != block) {
            block = size;
            sorted = new long[(width + 2) * size];
            reduced = new int[(width + 1) * size];
            outgoing = new long[size];
            incoming = new int[size];
        }
        for (int l0 = 0; l0 < lanes; l0 += size) {
            filterBlock(x, positions, lanes, l0, Math.min(size, lanes - l0), out);
        }
    }

    private void filterBlock(float[] x, int positions, int lanes, int l0, int nl, float[] out) {
        long[] a = sorted;
        int[] r = reduced;
        long[] o = outgoing;
        int[] v = incoming;
        int w = width;
        int stride = block;
        // Sentinels: below and above every key (keys are 32-bit).
        for (int l = 0; l < stride; l++) {
            a[l] = Long.MIN_VALUE >> 1;
            a[(w + 1) * stride + l] = Long.MAX_VALUE >> 1;
            r[l] = Integer.MIN_VALUE;
        }
        // The first window: padded positions 0 .. width-1 (position j - half, reflected), sorted.
        int[] win = firstWindow;
        for (int l = 0; l < nl; l++) {
            for (int s = 0; s < w; s++) win[s] = key(x[reflect(s - half, positions) * lanes + l0 + l]);
            java.util.Arrays.sort(win);
            for (int s = 0; s < w; s++) a[(s + 1) * stride + l] = win[s];
            out[l0 + l] = value((int) a[(half + 1) * stride + l]);
        }
        for (int k = 1; k < positions; k++) {
            // Position k - 1 leaves (its value as the filter saw it: reflected), padded position
            // k - 1 + width enters.
            int srcOut = reflect(k - 1 - half, positions) * lanes + l0;
            int srcIn = reflect(k - 1 + w - half, positions) * lanes + l0;
            for (int l = 0; l < nl; l++) {
                o[l] = key(x[srcOut + l]);
                v[l] = key(x[srcIn + l]);
            }
            // Remove: places below the outgoing key keep theirs, the others take their upper neighbour's.
            for (int s = 0; s < w - 1; s++) {
                int b = (s + 1) * stride;
                int rb = (s + 1) * stride;
                for (int l = 0; l < nl; l++) {
                    long cur = a[b + l];
                    long up = a[b + stride + l];
                    r[rb + l] = (int) (cur + ((up - cur) & ~((cur - o[l]) >> 63)));
                }
            }
            // Insert: place s gets the incoming key clamped between its neighbours in the reduced window.
            int top = w * stride;
            for (int l = 0; l < nl; l++) r[top + l] = Integer.MAX_VALUE;
            for (int s = 0; s < w; s++) {
                int b = (s + 1) * stride;
                for (int l = 0; l < nl; l++) {
                    a[b + l] = Math.max(r[b - stride + l], Math.min(r[b + l], v[l]));
                }
            }
            int mid = (half + 1) * stride;
            int dst = k * lanes + l0;
            for (int l = 0; l < nl; l++) out[dst + l] = value((int) a[mid + l]);
        }
    }

    /** Order-preserving integer bits of a float. */
    private static int key(float v) {
        int bits = Float.floatToRawIntBits(v);
        return bits ^ ((bits >> 31) & 0x7fffffff);
    }

    private static float value(int key) {
        return Float.intBitsToFloat(key ^ ((key >> 31) & 0x7fffffff));
    }

    /** Reflect index i into [0, n) as scipy's 'reflect' mode (period 2n). */
    static int reflect(int i, int n) {
        int period = 2 * n;
        int m = Math.floorMod(i, period);
        return m < n ? m : period - 1 - m;
    }
}
