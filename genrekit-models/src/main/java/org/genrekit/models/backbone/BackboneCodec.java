package org.genrekit.models.backbone;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.genrekit.backbone.audioset.GenreMapping;
import org.genrekit.models.GenreClassifier;
import org.genrekit.models.bundle.BundleCodec;
import org.genrekit.models.bundle.BundleException;
import org.genrekit.models.bundle.BundleWriter;
import org.genrekit.models.classical.Manifests;
import org.genrekit.models.classical.SafeDeserializer;
import org.genrekit.models.pipeline.TabularModel;

/**
 * Bundle kind "backbone": a {@link BackboneClassifier}. The manifest holds the zero-shot mapping
 * (label to AudioSet class names, and its weights), the head's weight and the backbone's name and
 * SHA-256; the head, when there is one, is {@code head.ser}. Never the backbone's weights.
 */
public final class BackboneCodec implements BundleCodec {
    public static final String KIND = "backbone";
    static final String HEAD = "head.ser";

    @Override
    public String kind() {
        return KIND;
    }

    public static byte[] toBytes(BackboneClassifier m, Map<String, Object> backbone, Map<String, Object> extra) throws IOException {
        Map<String, Object> man = new LinkedHashMap<>();
        man.put("name", m.name());
        man.put("labels", m.labels());
        man.put("recipe", m.recipe().id());
        man.put("segment_seconds", m.segmentSeconds());
        man.put("backbone", backbone);
        if (m.mapping() != null) {
            man.put("mapping", m.mapping().byName());
            List<Double> w = new ArrayList<>();
            for (double v : m.mapping().weights()) w.add(v);
            man.put("mapping_weights", w);
        }
        man.put("head_weight", m.headWeight());
        if (m.head() != null) man.put("head", m.head().describe());
        if (m.headPriors() != null) man.put("head_priors", java.util.Arrays.stream(m.headPriors()).boxed().toList());
        man.putAll(extra);
        Map<String, byte[]> entries = new LinkedHashMap<>();
        if (m.head() != null) entries.put(HEAD, SafeDeserializer.write(m.head()));
        return BundleWriter.toBytes(KIND, man, entries);
    }

    @Override
    public GenreClassifier read(Path file, Map<String, Object> manifest, Map<String, byte[]> entries) throws IOException {
        BackboneCheck.verify(file, manifest);
        if (!(manifest.get("backbone") instanceof Map<?, ?>)) throw new BundleException(file, "damaged model bundle: a backbone model names no backbone");
        List<String> labels = Manifests.labels(file, manifest);
        GenreMapping mapping = null;
        try {
            if (manifest.get("mapping") instanceof Map<?, ?> raw) {
                Map<String, List<String>> byName = new LinkedHashMap<>();
                for (Map.Entry<?, ?> e : raw.entrySet()) {
                    byName.put(String.valueOf(e.getKey()), ((List<?>) e.getValue()).stream().map(String::valueOf).toList());
                }
                mapping = GenreMapping.of(byName);
                if (manifest.get("mapping_weights") instanceof List<?> ws) {
                    double[] w = ws.stream().mapToDouble(v -> ((Number) v).doubleValue()).toArray();
                    mapping = mapping.withWeights(w);
                }
            }
        } catch (RuntimeException e) {
            throw new BundleException(file, "bad genre mapping in the manifest: " + e.getMessage(), e);
        }
        TabularModel head = null;
        byte[] ser = entries.get(HEAD);
        if (ser != null) {
            try {
                head = SafeDeserializer.read(ser, TabularModel.class);
            } catch (IOException | RuntimeException e) {
                throw new BundleException(file, "cannot read the head pipeline: " + e.getMessage(), e);
            }
        }
        double w = manifest.get("head_weight") instanceof Number n ? n.doubleValue() : (head == null ? 0 : 1);
        double[] priors = manifest.get("head_priors") instanceof List<?> ps ? ps.stream().mapToDouble(v -> ((Number) v).doubleValue()).toArray() : null;
        double seg = manifest.get("segment_seconds") instanceof Number n ? n.doubleValue() : 30;
        try {
            return new BackboneClassifier(Manifests.string(file, manifest, "name"), Manifests.version(manifest), mapping, head, labels, w, priors, seg, manifest);
        } catch (IllegalArgumentException e) {
            throw new BundleException(file, "inconsistent backbone model: " + e.getMessage(), e);
        }
    }
}
