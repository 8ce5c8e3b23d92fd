package org.genrekit.audio.ffmpeg;

import static org.bytedeco.ffmpeg.global.avutil.*;

import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.LongPointer;
import org.bytedeco.javacpp.ShortPointer;

/**
 * Converts one decoded AVFrame of any PCM sample format to mono float, as libsndfile + librosa do:
 * integers scaled by 1/2^(bits-1) (unsigned 8-bit centred first), then the mean of the channels.
 * Copies each plane with one bulk native call; no per-sample JNI. Not thread-safe (scratch arrays):
 * one mixer per decode.
 */
final class FrameMixer {
    private float[] mono = new float[0];
    private float[] fscratch = new float[0];
    private short[] sscratch = new short[0];
    private int[] iscratch = new int[0];
    private double[] dscratch = new double[0];
    private long[] lscratch = new long[0];
    private byte[] bscratch = new byte[0];
    private boolean first;

    /** The mono samples of the last {@link #mix} call (valid up to its return value). */
    float[] mono() {
        return mono;
    }

    /**
     * Mixes {@code frame} down to mono into {@link #mono()}.
     *
     * @return the number of frames, or -1 when the sample format is not PCM we know
     */
    int mix(AVFrame frame, int channels) {
        int n = frame.nb_samples();
        int fmt = frame.format();
        if (mono.length < n) {
            mono = new float[n];
        }
        boolean planar = av_sample_fmt_is_planar(fmt) != 0;
        int planes = planar ? channels : 1;
        int perPlane = planar ? n : n * channels;
        for (int p = 0; p < planes; p++) {
            BytePointer plane = frame.extended_data(p);
            if (!accumulate(plane, fmt, perPlane, planar ? 1 : channels, p == 0)) {
                return -1;
            }
        }
        if (channels > 1) {
            // numpy's float32 mean over the channel axis: float32 sum, then divide by the count.
            float c = channels;
            for (int i = 0; i < n; i++) {
                mono[i] = mono[i] / c;
            }
        }
        return n;
    }

    /**
     * Adds {@code count} interleaved values (stride = channels) of one plane into mono; the first
     * plane overwrites instead (0 + x == x, so no separate clearing pass is needed).
     */
    private boolean accumulate(BytePointer plane, int fmt, int count, int stride, boolean first) {
        this.first = first;
        int packed = av_get_packed_sample_fmt(fmt);
        if (packed == AV_SAMPLE_FMT_FLT && stride == 1 && first) {
            new FloatPointer(plane).get(mono, 0, count); // mono float32 (or the first plane): one copy
        } else if (packed == AV_SAMPLE_FMT_FLT) {
            float[] a = fscratch = grow(fscratch, count);
            new FloatPointer(plane).get(a, 0, count);
            addFloats(a, count, stride);
        } else if (packed == AV_SAMPLE_FMT_S16) {
            short[] s = sscratch.length >= count ? sscratch : (sscratch = new short[count]);
            new ShortPointer(plane).get(s, 0, count);
            float[] a = fscratch = grow(fscratch, count);
            for (int i = 0; i < count; i++) {
                a[i] = s[i] * (1f / 32768f);
            }
            addFloats(a, count, stride);
        } else if (packed == AV_SAMPLE_FMT_S32) {
            int[] s = iscratch.length >= count ? iscratch : (iscratch = new int[count]);
            new IntPointer(plane).get(s, 0, count);
            float[] a = fscratch = grow(fscratch, count);
            for (int i = 0; i < count; i++) {
                a[i] = (float) (s[i] * (1.0 / 2147483648.0));
            }
            addFloats(a, count, stride);
        } else if (packed == AV_SAMPLE_FMT_DBL) {
            double[] s = dscratch.length >= count ? dscratch : (dscratch = new double[count]);
            new DoublePointer(plane).get(s, 0, count);
            float[] a = fscratch = grow(fscratch, count);
            for (int i = 0; i < count; i++) {
                a[i] = (float) s[i];
            }
            addFloats(a, count, stride);
        } else if (packed == AV_SAMPLE_FMT_U8) {
            byte[] s = bscratch.length >= count ? bscratch : (bscratch = new byte[count]);
            plane.get(s, 0, count);
            float[] a = fscratch = grow(fscratch, count);
            for (int i = 0; i < count; i++) {
                a[i] = ((s[i] & 0xff) - 128) * (1f / 128f);
            }
            addFloats(a, count, stride);
        } else if (packed == AV_SAMPLE_FMT_S64) {
            long[] s = lscratch.length >= count ? lscratch : (lscratch = new long[count]);
            new LongPointer(plane).get(s, 0, count);
            float[] a = fscratch = grow(fscratch, count);
            for (int i = 0; i < count; i++) {
                a[i] = (float) (s[i] * 0x1p-63);
            }
            addFloats(a, count, stride);
        } else {
            return false;
        }
        return true;
    }

    private void addFloats(float[] a, int count, int stride) {
        float[] m = mono;
        if (stride == 1) {
            if (first) {
                System.arraycopy(a, 0, m, 0, count);
            } else {
                for (int i = 0; i < count; i++) {
                    m[i] += a[i];
                }
            }
        } else {
            // Packed (interleaved): frame i is a[i*stride .. i*stride+stride-1], summed in channel order.
            int frames = count / stride;
            for (int i = 0, j = 0; i < frames; i++) {
                float s = first ? 0f : m[i];
                for (int c = 0; c < stride; c++) {
                    s += a[j++];
                }
                m[i] = s;
            }
        }
    }

    private static float[] grow(float[] a, int n) {
        return a.length >= n ? a : new float[n];
    }
}
