package org.genrekit.features.dsp;

/** Parameter checks with librosa-style messages ({@code "n_fft=0 must be a positive integer"}). */
public final class Params {
    private Params() {
    }

    public static int positive(String name, int value) {
        if (value <= 0) throw new IllegalArgumentException(name + "=" + value + " must be a positive integer");
        return value;
    }

    public static int nonNegative(String name, int value) {
        if (value < 0) throw new IllegalArgumentException(name + "=" + value + " must be a non-negative integer");
        return value;
    }

    public static double positive(String name, double value) {
        if (!(value > 0) || Double.isInfinite(value)) throw new IllegalArgumentException(name + "=" + value + " must be a positive number");
        return value;
    }

    public static double nonNegative(String name, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) throw new IllegalArgumentException(name + "=" + value + " must be a non-negative number");
        return value;
    }

    public static double finite(String name, double value) {
        if (!Double.isFinite(value)) throw new IllegalArgumentException(name + "=" + value + " must be finite");
        return value;
    }

    public static void check(boolean ok, String message) {
        if (!ok) throw new IllegalArgumentException(message);
    }
}
