package org.genrekit.models.algo;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * A model's parameters as text (from {@code --param k=v}), over its defaults. Every key must be
 * one the model declares; typed getters say which key held a bad value.
 */
public record Params(String model, Map<String, String> values) {
    public Params {
        values = java.util.Collections.unmodifiableMap(new TreeMap<>(values));
    }

    /** Defaults overridden by {@code given}; unknown keys are rejected with the list of known ones. */
    public static Params of(String model, Map<String, String> defaults, Map<String, String> given) {
        Map<String, String> v = new LinkedHashMap<>(defaults);
        for (Map.Entry<String, String> e : given.entrySet()) {
            if (!defaults.containsKey(e.getKey())) {
                throw new IllegalArgumentException("unknown parameter '" + e.getKey() + "' for model '" + model
                        + "' (known: " + String.join(", ", new TreeMap<>(defaults).keySet()) + ")");
            }
            v.put(e.getKey(), e.getValue());
        }
        return new Params(model, v);
    }

    public String str(String key) {
        String v = values.get(key);
        if (v == null) throw new IllegalArgumentException("model '" + model + "' has no parameter '" + key + "'");
        return v;
    }

    public double dbl(String key) {
        String v = str(key);
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("parameter " + key + " of model '" + model + "' must be a number, got '" + v + "'");
        }
    }

    public double positive(String key) {
        double d = dbl(key);
        if (!(d > 0)) throw new IllegalArgumentException("parameter " + key + " of model '" + model + "' must be > 0, got " + str(key));
        return d;
    }

    public int integer(String key, int min) {
        String v = str(key);
        int i;
        try {
            i = Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("parameter " + key + " of model '" + model + "' must be an integer, got '" + v + "'");
        }
        if (i < min) throw new IllegalArgumentException("parameter " + key + " of model '" + model + "' must be >= " + min + ", got " + i);
        return i;
    }

    public Params with(Map<String, String> more) {
        Map<String, String> v = new LinkedHashMap<>(values);
        v.putAll(more);
        return new Params(model, v);
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
