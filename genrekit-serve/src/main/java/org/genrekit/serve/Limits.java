package org.genrekit.serve;

import java.util.Locale;

/** Formatting of limits in error messages. */
final class Limits {
    private Limits() {
    }

    static String bytes(long n) {
        if (n >= 1024 * 1024 && n % (1024 * 1024) == 0) return (n / (1024 * 1024)) + " MB";
        if (n >= 1024 && n % 1024 == 0) return (n / 1024) + " KB";
        return n + " bytes";
    }

    static String seconds(double s) {
        return String.format(Locale.ROOT, "%.3g s", s);
    }
}
