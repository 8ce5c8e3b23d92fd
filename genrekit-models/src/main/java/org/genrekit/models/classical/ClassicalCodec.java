package org.genrekit.models.classical;

import java.util.Set;
import java.util.LinkedHashSet;
import java.nio.charset.StandardCharsets;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.genrekit.features.FeatureRecipe;
import org.genrekit.models.backbone.BackboneCheck;
import org.genrekit.models.GenreClassifier;
import org.genrekit.models.bundle.BundleCodec;
import org.genrekit.models.bundle.BundleException;
import org.genrekit.models.bundle.BundleWriter;
import org.genrekit.models.pipeline.TabularModel;

/** Bundle kind "classical": a fitted tabular pipeline ({@code pipeline.ser}) on a feature recipe. */
public final class ClassicalCodec implements BundleCodec {
    public static final String KIND = "classical";
    static final String TRAINING_IDS = "training_ids.txt";
    static final String ENTRY = "pipeline.ser";

    @Override
    public String kind() {
        return KIND;
    }

    /**
     * Writes a classical bundle.
     *
     * @param extra metrics, provenance, description ... (JSON-friendly)
     */
    public static void write(Path file, String name, List<String> labels, FeatureRecipe recipe, double segmentSeconds,
                             TabularModel model, Map<String, Object> extra) throws IOException {
        write(file, name, labels, recipe, segmentSeconds, model, extra, List.of());
    }

    /**
     * Writes a classical bundle that also records the ids of its training tracks (one per line in
     * {@value #TRAINING_IDS}), so that {@code evaluate} can flag tracks the model has seen.
     */
    public static void write(Path file, String name, List<String> labels, FeatureRecipe recipe, double segmentSeconds,
                             TabularModel model, Map<String, Object> extra, List<String> trainingIds) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("labels", labels);
        m.put("recipe", recipe.id());
        m.put("columns", model.columns());
        m.put("segment_seconds", segmentSeconds);
        m.put("pipeline", model.describe());
        m.putAll(extra);
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put(ENTRY, SafeDeserializer.write(model));
        if (!trainingIds.isEmpty()) {
            entries.put(TRAINING_IDS, String.join("\n", new LinkedHashSet<>(trainingIds)).getBytes(StandardCharsets.UTF_8));
        }
        BundleWriter.write(file, KIND, m, entries);
    }

    @Override
    public GenreClassifier read(Path file, Map<String, Object> manifest, Map<String, byte[]> entries) throws IOException {
        BackboneCheck.verify(file, manifest);
        byte[] ser = entries.get(ENTRY);
        if (ser == null) throw new BundleException(file, "damaged model bundle: no " + ENTRY + " entry");
        TabularModel model;
        try {
            model = SafeDeserializer.read(ser, TabularModel.class);
        } catch (IOException | RuntimeException e) {
            throw new BundleException(file, "cannot read the fitted pipeline: " + e.getMessage(), e);
        }
        List<String> labels = Manifests.labels(file, manifest);
        FeatureRecipe recipe;
        try {
            recipe = FeatureRecipe.parse(Manifests.string(file, manifest, "recipe"));
        } catch (IllegalArgumentException e) {
            throw new BundleException(file, "bad feature recipe in the manifest: " + e.getMessage());
        }
        if (model.numClasses() != labels.size()) {
            throw new BundleException(file, "the pipeline has " + model.numClasses() + " classes but the manifest lists " + labels.size() + " labels");
        }
        double seg = manifest.get("segment_seconds") instanceof Number n ? n.doubleValue() : 30;
        byte[] ids = entries.get(TRAINING_IDS);
        Set<String> trainingIds = ids == null ? Set.of()
                : Set.copyOf(new String(ids, StandardCharsets.UTF_8).lines().filter(l -> !l.isEmpty()).toList());
        return new ClassicalClassifier(Manifests.string(file, manifest, "name"), Manifests.version(manifest), labels, recipe, model, seg,
                manifest, trainingIds);
    }
}
