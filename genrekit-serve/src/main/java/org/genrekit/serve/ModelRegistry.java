package org.genrekit.serve;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.genrekit.models.GenreClassifier;

/** The models a server offers, by name; the first one answers requests that name none. */
public final class ModelRegistry {
    private final Map<String, GenreClassifier> byName = new LinkedHashMap<>();

    public ModelRegistry(List<GenreClassifier> models) {
        if (models.isEmpty()) throw new IllegalArgumentException("at least one model is required");
        for (GenreClassifier m : models) {
            if (byName.putIfAbsent(m.name(), m) != null) {
                throw new IllegalArgumentException("two models are named '" + m.name() + "'; model names must be unique");
            }
        }
    }

    public GenreClassifier defaultModel() {
        return byName.values().iterator().next();
    }

    /** The named model, or the default for a null/blank name; an unknown name is a 400. */
    public GenreClassifier get(String name) {
        if (name == null || name.isBlank()) return defaultModel();
        GenreClassifier m = byName.get(name);
        if (m == null) throw new ApiException(400, "unknown_model", "no model named '" + name + "'; loaded: " + String.join(", ", byName.keySet()));
        return m;
    }

    public Collection<GenreClassifier> all() {
        return new ArrayList<>(byName.values());
    }
}
