package org.genrekit.backbone.store;

import java.nio.file.Path;

/**
 * A backbone installed under {@link BackboneHome}.
 *
 * @param name        its name ({@code mn04})
 * @param weightsFile the converted weights ({@link WeightsFile} layout)
 * @param sha256      SHA-256 of the original file the user installed (what bundles record)
 * @param bytes       size of the original file
 * @param source      where it came from (a path or URL, as given at install time)
 * @param licence     its licence
 */
public record InstalledBackbone(String name, Path weightsFile, String sha256, long bytes, String source, String licence) {
}
