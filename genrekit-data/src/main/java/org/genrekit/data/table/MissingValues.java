package org.genrekit.data.table;

import java.util.Locale;

/**
 * What reading feature vectors does with a value that is not a finite number: NaN, {@code inf} or
 * {@code Infinity} (alike, either sign), an empty cell, or a number that overflows a 32-bit float
 * ({@code 1e308}). One such cell silently poisons a model (logistic regression answers NaN, kNN one
 * class for everything), so the default refuses it.
 */
public enum MissingValues {
    /** The default: the first such value is an error naming the file, line and column. */
    REFUSE,
    /** Read as NaN and left to the caller (tools that only describe data). */
    KEEP,
    /** Replaced by the median of its column's finite values ({@link MedianImputer}); only when the user asks. */
    MEDIAN;

    /** {@code refuse} or {@code median} (the {@code --missing} option), any case. */
    public static MissingValues parse(String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "refuse" -> REFUSE;
            case "median" -> MEDIAN;
            default -> throw new IllegalArgumentException("--missing must be refuse or median, got '" + text + "'");
        };
    }
}
