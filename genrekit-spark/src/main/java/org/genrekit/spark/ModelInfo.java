package org.genrekit.spark;

import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The model a job runs, as every result row names it ({@code model, model_version, model_sha256}).
 *
 * @param name    the model's name (from its bundle)
 * @param version the model's version (from its bundle)
 * @param sha256  SHA-256 of the bundle file's bytes, lower-case hex
 * @param labels  the model's labels, in probability order
 */
public record ModelInfo(String name, String version, String sha256, List<String> labels) implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    public ModelInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(sha256, "sha256");
        labels = new ArrayList<>(labels); // serializable, unlike List.copyOf's
        if (labels.isEmpty()) throw new IllegalArgumentException("a model has at least one label");
    }

    @Override
    public List<String> labels() {
        return List.copyOf(labels);
    }
}
