package org.genrekit.models.classical;

import java.util.Set;
import java.util.List;
import java.util.Map;
import org.genrekit.audio.LoadOptions;
import org.genrekit.audio.Signal;
import org.genrekit.features.FeatureRecipe;
import org.genrekit.features.FeatureSet;
import org.genrekit.features.FeatureSets;
import org.genrekit.features.NonFiniteFeaturesException;
import org.genrekit.models.GenreClassifier;
import org.genrekit.models.WindowScore;
import org.genrekit.models.pipeline.TabularModel;

/**
 * A fitted tabular pipeline applied to audio: the bundle's feature recipe is computed by our
 * extractor on each window of the track ({@link org.genrekit.models.TrackPredictor}; by default the
 * clip length the model was trained on) and the pipeline gives the window's probabilities.
 */
public final class ClassicalClassifier implements GenreClassifier {
    private final String name;
    private final String version;
    private final List<String> labels;
    private final FeatureRecipe recipe;
    private final TabularModel model;
    private final double segmentSeconds;
    private final Set<String> trainingIds;
    private final Map<String, Object> metadata;
    private volatile FeatureSet featureSet;
    private volatile int[] columnIndex;

    public ClassicalClassifier(String name, String version, List<String> labels, FeatureRecipe recipe, TabularModel model,
                               double segmentSeconds, Map<String, Object> metadata) {
        this(name, version, labels, recipe, model, segmentSeconds, metadata, Set.of());
    }

    public ClassicalClassifier(String name, String version, List<String> labels, FeatureRecipe recipe, TabularModel model,
                               double segmentSeconds, Map<String, Object> metadata, Set<String> trainingIds) {
        this.trainingIds = Set.copyOf(trainingIds);
        this.name = name;
        this.version = version;
        this.labels = List.copyOf(labels);
        this.recipe = recipe;
        this.model = model;
        this.segmentSeconds = segmentSeconds;
        this.metadata = Map.copyOf(metadata);
        if (model.numClasses() != this.labels.size()) {
            throw new IllegalArgumentException("model has " + model.numClasses() + " classes but " + this.labels.size() + " labels");
        }
    }

    public TabularModel model() {
        return model;
    }

    /** Probabilities for one feature row given in the bundle's column order. */
    public double[] proba(float[] row) {
        return model.proba(row);
    }

    private FeatureSet featureSet() {
        FeatureSet fs = featureSet;
        if (fs == null) featureSet = fs = FeatureSets.create(recipe);
        return fs;
    }

    /** Where each model column sits in the feature set's vector (checked once). */
    private int[] columnIndex() {
        int[] idx = columnIndex;
        if (idx == null) {
            List<String> have = featureSet().columns();
            idx = new int[model.columns().size()];
            for (int j = 0; j < idx.length; j++) {
                idx[j] = have.indexOf(model.columns().get(j));
                if (idx[j] < 0) {
                    throw new IllegalStateException("feature set " + recipe.id() + " has no column '" + model.columns().get(j) + "' that model " + name + " needs");
                }
            }
            columnIndex = idx;
        }
        return idx;
    }

    @Override
    public WindowScore score(Signal window) {
        FeatureSet fs = featureSet();
        int[] idx = columnIndex();
        long t0 = System.nanoTime();
        float[] all = fs.extract(window);
        long t1 = System.nanoTime();
        float[] row = new float[idx.length];
        for (int j = 0; j < idx.length; j++) row[j] = all[idx[j]];
        NonFiniteFeaturesException.requireFinite(row, model.columns()); // a NaN row gives NaN or arbitrary answers
        double[] p = model.proba(row);
        return new WindowScore(p, (t1 - t0) / 1e6, (System.nanoTime() - t1) / 1e6);
    }

    /** The clip length the pipeline was trained on. */
    @Override
    public double clipSeconds() {
        return segmentSeconds;
    }

    @Override
    public Set<String> trainingIds() {
        return trainingIds;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String version() {
        return version;
    }

    @Override
    public List<String> labels() {
        return labels;
    }

    @Override
    public FeatureRecipe recipe() {
        return recipe;
    }

    @Override
    public LoadOptions loadOptions() {
        return featureSet().loadOptions();
    }

    @Override
    public Map<String, Object> metadata() {
        return metadata;
    }

    public double segmentSeconds() {
        return segmentSeconds;
    }
}
