package org.genrekit.features;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A feature set's name and every parameter that changes its output. Its canonical string
 * ({@link #id()}, e.g. {@code gtzan58{hop_length=512,n_fft=2048,sr=22050}}) keys the feature store
 * and is stored in model bundles, so that a model always gets the features it was trained on.
 *
 * @param name   registered name: gtzan58, fma518, logmel, ...
 * @param params parameter values as strings, sorted by key (immutable)
 */
public record FeatureRecipe(String name, Map<String, String> params) {
    public FeatureRecipe {
        Objects.requireNonNull(name, "name");
        if (!name.matches("[a-z0-9_\\-]+")) {
            throw new IllegalArgumentException("recipe name must match [a-z0-9_-]+, got '" + name + "'");
        }
        params = Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNull(params, "params")));
    }

    public static FeatureRecipe of(String name) {
        return new FeatureRecipe(name, Map.of());
    }

    /** Canonical text form; {@link #parse(String)} reads it back. */
    public String id() {
        if (params.isEmpty()) return name;
        return name + params.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(",", "{", "}"));
    }

    /** Parses {@code name} or {@code name{k=v,k=v}}. */
    public static FeatureRecipe parse(String text) {
        String t = text.strip();
        int brace = t.indexOf('{');
        if (brace < 0) return of(t);
        if (!t.endsWith("}")) throw new IllegalArgumentException("recipe '" + text + "' has '{' without closing '}'");
        Map<String, String> p = new TreeMap<>();
        String body = t.substring(brace + 1, t.length() - 1);
        if (!body.isBlank()) {
            for (String kv : body.split(",")) {
                int eq = kv.indexOf('=');
                if (eq <= 0) throw new IllegalArgumentException("recipe parameter '" + kv + "' is not key=value in '" + text + "'");
                p.put(kv.substring(0, eq).strip(), kv.substring(eq + 1).strip());
            }
        }
        return new FeatureRecipe(t.substring(0, brace), p);
    }

    public FeatureRecipe with(String key, String value) {
        Map<String, String> p = new TreeMap<>(params);
        p.put(key, value);
        return new FeatureRecipe(name, p);
    }

    public String param(String key, String fallback) {
        return params.getOrDefault(key, fallback);
    }

    public int intParam(String key, int fallback) {
        String v = params.get(key);
        return v == null ? fallback : Integer.parseInt(v);
    }

    public double doubleParam(String key, double fallback) {
        String v = params.get(key);
        return v == null ? fallback : Double.parseDouble(v);
    }

    @Override
    public String toString() {
        return id();
    }
}
