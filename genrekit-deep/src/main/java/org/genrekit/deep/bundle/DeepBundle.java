package org.genrekit.deep.bundle;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.genrekit.core.provenance.Provenance;
import org.genrekit.deep.DeepClassifier;
import org.genrekit.deep.DeepModel;
import org.genrekit.models.GenreClassifier;
import org.genrekit.models.bundle.BundleException;
import org.genrekit.models.bundle.BundleWriter;
import org.genrekit.models.bundle.ModelBundles;

/**
 * Writes and reads deep model bundles: the common Genrekit bundle (a zip with {@code manifest.json}:
 * format, version, kind "deep", name, labels, feature recipe, metrics, provenance, SHA-256 of every
 * other entry) holding {@code deep/model.json} (architecture, input geometry, normalisation) and
 * {@code deep/model.params} (DJL parameters; for a network on a pretrained backbone only the trained
 * ones, with the backbone's name and SHA-256 under {@code backbone} in the manifest). {@link DeepBundleCodec} reads them back for
 * {@code ModelBundles.load}, so classify, evaluate and ensembles use deep models like any other.
 */
public final class DeepBundle {
    public static final String KIND = "deep";
    public static final String MODEL_JSON = "deep/model.json";
    public static final String MODEL_PARAMS = "deep/model.params";
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private DeepBundle() {
    }

    /** Writes {@code model} to {@code out} through the shared bundle writer (temp file, then atomic rename). */
    public static void write(Path out, DeepModel model, String name, Map<String, Object> metrics, Map<String, Object> provenance)
            throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put(MODEL_JSON, JSON.writeValueAsBytes(ModelDescription.of(model)));
        entries.put(MODEL_PARAMS, model.writeParameters());
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("name", name);
        Map<String, Object> details = new LinkedHashMap<>(provenance);
        details.putIfAbsent("architecture", model.arch().name());
        Provenance prov = Provenance.now(details);
        manifest.put("version", prov.label());
        manifest.put("labels", model.labels());
        manifest.put("recipe", model.input().recipe().id());
        manifest.put("metrics", metrics);
        // A network on a pretrained backbone names it (its weights are never in the bundle).
        model.backbone().ifPresent(b -> manifest.put("backbone", b.manifestField()));
        manifest.put("provenance", JSON.convertValue(prov.toMap(), Map.class));
        BundleWriter.write(out, KIND, manifest, entries);
    }

    /** Reads and verifies a deep bundle (through {@link ModelBundles}, which checks format and checksums). */
    public static DeepClassifier read(Path file) throws IOException {
        GenreClassifier c = ModelBundles.load(file);
        if (c instanceof DeepClassifier d) return d;
        c.close();
        throw new BundleException(file, "not a deep model bundle (kind is not 'deep')");
    }
}
