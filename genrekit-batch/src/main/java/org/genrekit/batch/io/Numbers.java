package org.genrekit.batch.io;

/** Number text for result files: shortest round-trip form, empty for NaN. */
final class Numbers {
    private Numbers() {
    }

    static String of(double v) {
        return Double.isNaN(v) ? "" : Double.toString(v);
    }

    static String of(float v) {
        return Float.isNaN(v) ? "" : Float.toString(v);
    }
}
