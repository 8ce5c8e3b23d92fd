package org.genrekit.deep.bundle;

import ai.djl.Device;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.genrekit.deep.DeepClassifier;
import org.genrekit.deep.DeepModel;
import org.genrekit.deep.arch.Architectures;
import org.genrekit.models.GenreClassifier;
import org.genrekit.models.backbone.BackboneCheck;
import org.genrekit.models.bundle.BundleCodec;
import org.genrekit.models.bundle.BundleException;

/** Reads bundles of kind "deep" (registered for {@code ModelBundles} through ServiceLoader). */
public final class DeepBundleCodec implements BundleCodec {
    /** The network on feature vectors that genrekit-models' MlpAlgo replaced: its bundles are refused by name. */
    static final String RETIRED_MLP = "mlp";

    @Override
    public String kind() {
        return DeepBundle.KIND;
    }

    @Override
    public GenreClassifier read(Path file, Map<String, Object> manifest, Map<String, byte[]> entries) throws IOException {
        byte[] desc = entries.get(DeepBundle.MODEL_JSON), params = entries.get(DeepBundle.MODEL_PARAMS);
        if (desc == null || params == null) throw new BundleException(file, "a deep bundle needs " + DeepBundle.MODEL_JSON + " and " + DeepBundle.MODEL_PARAMS);
        ModelDescription d;
        try {
            d = DeepBundle.JSON.readValue(desc, ModelDescription.class);
        } catch (IOException e) {
            throw new BundleException(file, DeepBundle.MODEL_JSON + " is not valid: " + e.getMessage(), e);
        }
        if (RETIRED_MLP.equals(d.arch())) {
            throw new BundleException(file, "a deep 'mlp' bundle: the MLP on feature vectors is now genrekit-models' "
                    + "(genrekit train --algo mlp --data SPEC); train it again there");
        }
        Object labels = manifest.get("labels");
        if (labels instanceof List<?> l && !l.equals(d.labels())) {
            throw new BundleException(file, "manifest labels " + l + " differ from the network's " + d.labels());
        }
        // Before anything is built: a missing or different backbone is one line saying what to install.
        BackboneCheck.verify(file, manifest);
        if (Architectures.TRANSFER.contains(d.arch()) && !(manifest.get("backbone") instanceof Map<?, ?>)) {
            throw new BundleException(file, "damaged model bundle: network " + d.arch() + " names no backbone");
        }
        DeepModel model;
        try {
            model = DeepModel.load(d.archSpec(), d.labels(), d.inputSpec(), d.normalizer(), params, Device.cpu());
        } catch (IOException | RuntimeException e) {
            throw new BundleException(file, "cannot rebuild the network: " + e.getMessage(), e);
        }
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("kind", DeepBundle.KIND);
        meta.put("architecture", d.arch());
        if (manifest.get("backbone") != null) meta.put("backbone", manifest.get("backbone"));
        if (manifest.get("metrics") != null) meta.put("metrics", manifest.get("metrics"));
        if (manifest.get("provenance") != null) meta.put("provenance", manifest.get("provenance"));
        String name = String.valueOf(manifest.getOrDefault("name", stem(file)));
        String version = String.valueOf(manifest.getOrDefault("version", "unknown"));
        return new DeepClassifier(name, version, model, meta);
    }

    static String stem(Path file) {
        String n = file.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }
}
