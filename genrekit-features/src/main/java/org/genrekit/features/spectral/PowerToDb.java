package org.genrekit.features.spectral;

import org.genrekit.features.dsp.FrameMatrix;

/**
 * {@code librosa.power_to_db}: {@code 10 log10(max(amin, S)) - 10 log10(max(amin, ref))}, then
 * floored at {@code max - top_db}. The reference is either a fixed value (librosa's default
 * {@code ref=1.0}) or the matrix's maximum ({@code ref=np.max}).
 *
 * @param ref      fixed reference power (used when {@code refMax} is false), &gt; 0
 * @param refMax   use the maximum of |S| as reference (ref=np.max)
 * @param amin     floor for S and ref, &gt; 0
 * @param topDb    dynamic range kept below the peak, &gt;= 0, or NaN for none (top_db=None)
 */
public record PowerToDb(double ref, boolean refMax, double amin, double topDb) {
    public PowerToDb {
        if (!(amin > 0)) throw new IllegalArgumentException("amin must be strictly positive");
        if (!refMax && !(ref > 0) && ref != 0) throw new IllegalArgumentException("ref=" + ref + " must be a non-negative number");
        if (!Double.isNaN(topDb) && topDb < 0) throw new IllegalArgumentException("top_db must be non-negative");
    }

    /** librosa's defaults: ref=1.0, amin=1e-10, top_db=80. */
    public static PowerToDb defaults() {
        return new PowerToDb(1.0, false, 1e-10, 80.0);
    }

    /** ref=np.max, amin=1e-10, top_db=80 (the golden mel_db). */
    public static PowerToDb refMaxDefaults() {
        return new PowerToDb(1.0, true, 1e-10, 80.0);
    }

    /** Converts in place and returns the same array. */
    public float[] applyInPlace(float[] s) {
        double refValue;
        if (refMax) {
            float mx = Float.NEGATIVE_INFINITY;
            for (float v : s) mx = Math.max(mx, Math.abs(v));
            refValue = mx;
        } else {
            refValue = Math.abs(ref);
        }
        double offset = 10.0 * Math.log10(Math.max(amin, refValue));
        float top = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < s.length; i++) {
            float db = (float) (10.0 * Math.log10(Math.max(amin, Math.abs(s[i]))) - offset);
            s[i] = db;
            if (db > top) top = db;
        }
        if (!Double.isNaN(topDb)) {
            float floor = (float) (top - topDb);
            for (int i = 0; i < s.length; i++) if (s[i] < floor) s[i] = floor;
        }
        return s;
    }

    /**
     * The dB value of one power with the fixed reference, before the top_db floor: the largest of
     * these over a matrix is the top that {@link #applyInPlace(float[], int, int, float)} needs.
     */
    public float db(float power) {
        if (refMax) throw new IllegalStateException("ref=np.max needs the whole matrix");
        return (float) (10.0 * Math.log10(Math.max(amin, Math.abs(power))) - 10.0 * Math.log10(Math.max(amin, Math.abs(ref))));
    }

    /**
     * In place, with a fixed reference and the top known beforehand (the largest dB value of the
     * whole matrix, from a first pass): exactly {@link #applyInPlace} of the whole matrix, on a part of it.
     */
    public void applyInPlace(float[] s, int off, int len, float top) {
        if (refMax) throw new IllegalStateException("ref=np.max needs the whole matrix");
        double offset = 10.0 * Math.log10(Math.max(amin, Math.abs(ref)));
        float floor = Double.isNaN(topDb) ? Float.NEGATIVE_INFINITY : (float) (top - topDb);
        for (int i = off; i < off + len; i++) {
            float db = (float) (10.0 * Math.log10(Math.max(amin, Math.abs(s[i]))) - offset);
            s[i] = db < floor ? floor : db;
        }
    }

    /**
     * In place on a part of a matrix whose largest |value| is {@code maxAbs} (from a first pass):
     * exactly {@link #applyInPlace(float[])} of the whole, with either reference (ref=np.max too).
     */
    public void applyKnownMax(float[] s, int off, int len, float maxAbs) {
        double refValue = refMax ? maxAbs : Math.abs(ref);
        double offset = 10.0 * Math.log10(Math.max(amin, refValue));
        // The dB map is monotone, so the whole matrix's top is the dB of its largest value.
        float top = (float) (10.0 * Math.log10(Math.max(amin, maxAbs)) - offset);
        float floor = Double.isNaN(topDb) ? Float.NEGATIVE_INFINITY : (float) (top - topDb);
        for (int i = off; i < off + len; i++) {
            float db = (float) (10.0 * Math.log10(Math.max(amin, Math.abs(s[i]))) - offset);
            s[i] = db < floor ? floor : db;
        }
    }

    public FrameMatrix apply(FrameMatrix s) {
        return new FrameMatrix(s.rows(), s.frames(), applyInPlace(s.data().clone()));
    }

    /** librosa's layout in, librosa's layout out. */
    public float[][] apply(float[][] s) {
        return apply(FrameMatrix.fromArray(s)).toArray();
    }
}
