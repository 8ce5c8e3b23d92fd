package org.genrekit.models.algo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an algorithm's parameters from text ({@code --param k=v}) into typed values, over the
 * defaults of its {@link ParamDoc}s. Unknown names and bad values fail here, before any data is
 * touched, each with one exact message naming the algorithm, the parameter, what it must be and
 * what was given.
 */
public final class ParamReader {
    private final String algorithm;
    private final Map<String, String> values;

    private ParamReader(String algorithm, Map<String, String> values) {
        this.algorithm = algorithm;
        this.values = values;
    }

    /** Checks that every given name is one of {@code docs}; values are read by the typed getters. */
    public static ParamReader of(String algorithm, List<ParamDoc> docs, Map<String, String> given) {
        Map<String, String> v = new LinkedHashMap<>();
        for (ParamDoc d : docs) v.put(d.name(), d.defaultValue());
        for (String key : given.keySet()) {
            if (!v.containsKey(key)) throw new IllegalArgumentException(unknown(algorithm, key, names(docs)));
        }
        v.putAll(given);
        return new ParamReader(algorithm, v);
    }

    /** The message for a parameter name that {@code algorithm} does not take. */
    public static String unknown(String algorithm, String key, List<String> valid) {
        return "unknown parameter '" + key + "' for algorithm '" + algorithm + "'" + DidYouMean.hint(key, valid)
                + (valid.isEmpty() ? " (it takes none)" : " (valid: " + String.join(", ", valid) + ")");
    }

    public static List<String> names(List<ParamDoc> docs) {
        List<String> out = new ArrayList<>();
        for (ParamDoc d : docs) out.add(d.name());
        return out;
    }

    public String text(String key) {
        String v = values.get(key);
        if (v == null) throw new IllegalStateException("algorithm '" + algorithm + "' declares no parameter '" + key + "'");
        return v.strip();
    }

    /** A finite number; NaN and infinities are refused like any non-number. */
    public double number(String key) {
        String v = text(key);
        double d;
        try {
            d = Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw bad(key, "a number", v);
        }
        if (!Double.isFinite(d)) throw bad(key, "a finite number", v);
        return d;
    }

    /** A number between {@code min} and {@code max} (max may be infinite), each end open or closed. */
    public double number(String key, double min, boolean openMin, double max, boolean openMax) {
        double d = number(key);
        boolean ok = (openMin ? d > min : d >= min) && (openMax ? d < max : d <= max);
        if (!ok) throw bad(key, range(min, openMin, max, openMax), text(key));
        return d;
    }

    /** A number &gt; 0. */
    public double positive(String key) {
        return number(key, 0, true, Double.POSITIVE_INFINITY, true);
    }

    /** A number &gt;= 0. */
    public double nonNegative(String key) {
        return number(key, 0, false, Double.POSITIVE_INFINITY, true);
    }

    /** A whole number &gt;= {@code min}. */
    public int integer(String key, int min) {
        String v = text(key);
        int i;
        try {
            i = Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw bad(key, "an integer >= " + min, v);
        }
        if (i < min) throw bad(key, "an integer >= " + min, v);
        return i;
    }

    /** One of {@code choices} (exact spelling). */
    public String choice(String key, List<String> choices) {
        String v = text(key);
        if (!choices.contains(v)) throw bad(key, "one of " + String.join(", ", choices), v);
        return v;
    }

    /** The message for a bad value of {@code key}: {@code parameter 'k' of algorithm 'knn' must be ..., got '0'}. */
    public IllegalArgumentException bad(String key, String mustBe, String got) {
        return new IllegalArgumentException("parameter '" + key + "' of algorithm '" + algorithm + "' must be " + mustBe + ", got '" + got + "'");
    }

    private static String range(double min, boolean openMin, double max, boolean openMax) {
        if (max == Double.POSITIVE_INFINITY) return (openMin ? "> " : ">= ") + fmt(min);
        return "in " + (openMin ? "(" : "[") + fmt(min) + ", " + fmt(max) + (openMax ? ")" : "]");
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
