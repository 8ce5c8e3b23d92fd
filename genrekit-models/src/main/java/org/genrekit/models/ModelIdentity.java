package org.genrekit.models;

import org.genrekit.models.bundle.ModelBundles;

/**
 * Which model gave an answer, as every result names it.
 *
 * @param name    the model's name
 * @param version the model's version (Genrekit version plus training date)
 * @param sha256  SHA-256 of the bundle file's bytes, or null for a model built in memory
 */
public record ModelIdentity(String name, String version, String sha256) {
    public static ModelIdentity of(GenreClassifier model) {
        return new ModelIdentity(model.name(), model.version(), ModelBundles.sha256(model).orElse(null));
    }
}
