package org.genrekit.features.spectral;

import java.util.Arrays;
import java.util.List;

/**
 * Exact order statistics of many floats held in blocks, without sorting (or copying) them all: a
 * histogram of the top 16 bits of order-preserving keys finds the bucket of the k-th value, then
 * only that bucket's values are sorted. The values are those {@code Arrays.sort} would put at k
 * (-0.0 before 0.0; the values are finite), so the median equals numpy's of the same float32 data.
 */
final class OrderStatistics {
    private OrderStatistics() {
    }

    /** numpy.median of the first {@code count} values (float32: the two middle values' mean in float for even counts). */
    static float median(List<float[]> blocks, long count) {
        if (count % 2 == 1) return kth(blocks, count, count / 2);
        return (kth(blocks, count, count / 2 - 1) + kth(blocks, count, count / 2)) / 2f;
    }

    /** The value at index {@code k} of the sorted values. */
    static float kth(List<float[]> blocks, long count, long k) {
        long[] hist = new long[1 << 16];
        forEach(blocks, count, key -> hist[(key >>> 16) ^ 0x8000]++);
        int bucket = 0;
        long below = 0;
        while (below + hist[bucket] <= k) below += hist[bucket++];
        int[] inBucket = new int[(int) hist[bucket]];
        int target = bucket;
        int[] n = {0};
        forEach(blocks, count, key -> {
            if (((key >>> 16) ^ 0x8000) == target) inBucket[n[0]++] = key;
        });
        Arrays.sort(inBucket);
        return value(inBucket[(int) (k - below)]);
    }

    private interface KeyConsumer {
        void accept(int key);
    }

    private static void forEach(List<float[]> blocks, long count, KeyConsumer c) {
        long left = count;
        for (float[] b : blocks) {
            int n = (int) Math.min(b.length, left);
            for (int i = 0; i < n; i++) c.accept(key(b[i]));
            left -= n;
            if (left == 0) break;
        }
    }

    /** Order-preserving integer bits of a float (signed comparison). */
    static int key(float v) {
        int bits = Float.floatToRawIntBits(v);
        return bits ^ ((bits >> 31) & 0x7fffffff);
    }

    static float value(int key) {
        return Float.intBitsToFloat(key ^ ((key >> 31) & 0x7fffffff));
    }
}
