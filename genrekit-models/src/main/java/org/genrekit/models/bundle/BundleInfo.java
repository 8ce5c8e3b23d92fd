package org.genrekit.models.bundle;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.genrekit.core.hash.Sha256;

/**
 * What a bundle says about itself, read and checksum-verified without building the model (so a
 * bundle whose backbone is not installed can still be inspected).
 *
 * @param file     the bundle file (or the built-in's name)
 * @param bytes    its size
 * @param sha256   the SHA-256 of its bytes
 * @param kind     the codec kind (classical, ensemble, deep, backbone ...)
 * @param manifest the manifest's fields less the format bookkeeping (format, entry checksums)
 */
public record BundleInfo(Path file, long bytes, String sha256, String kind, Map<String, Object> manifest) {
    public BundleInfo {
        manifest = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(manifest));
    }

    public static BundleInfo read(Path file) throws IOException {
        return of(file, ModelBundles.readFile(file));
    }

    public static BundleInfo of(Path file, byte[] data) throws BundleException {
        ModelBundles.Contents c = ModelBundles.read(file, data);
        Map<String, Object> m = new LinkedHashMap<>(c.manifest());
        m.remove("format");
        m.remove("entries");
        return new BundleInfo(file, data.length, Sha256.hexOf(data), c.kind(), m);
    }

    public String name() {
        return String.valueOf(manifest.getOrDefault("name", file.getFileName().toString()));
    }

    /** The labels the model answers, or an empty list when the manifest names none. */
    public List<String> labels() {
        return manifest.get("labels") instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
    }

    public String recipe() {
        return String.valueOf(manifest.getOrDefault("recipe", "?"));
    }
}
