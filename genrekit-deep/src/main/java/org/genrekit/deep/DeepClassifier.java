package org.genrekit.deep;

import java.util.List;
import java.util.Map;
import org.genrekit.audio.LoadOptions;
import org.genrekit.audio.Signal;
import org.genrekit.deep.input.Planes;
import org.genrekit.deep.input.TrackInput;
import org.genrekit.features.FeatureRecipe;
import org.genrekit.models.GenreClassifier;
import org.genrekit.models.WindowScore;

/**
 * A deep model as applications see it: a window's probabilities are the mean of the network's
 * chunk probabilities over it; windows are cut and combined by {@link org.genrekit.models.TrackPredictor}.
 */
public final class DeepClassifier implements GenreClassifier {
    private final String name;
    private final String version;
    private final DeepModel model;
    private final Map<String, Object> metadata;
    private volatile LoadOptions loadOptions;

    public DeepClassifier(String name, String version, DeepModel model, Map<String, Object> metadata) {
        this.name = name;
        this.version = version;
        this.model = model;
        this.metadata = Map.copyOf(metadata);
    }

    public DeepModel model() {
        return model;
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
        return model.labels();
    }

    @Override
    public FeatureRecipe recipe() {
        return model.input().recipe();
    }

    @Override
    public LoadOptions loadOptions() {
        // Resolved on first use: a feature-vector model asks its feature set, which may be costly to build.
        LoadOptions o = loadOptions;
        if (o == null) loadOptions = o = Planes.loadOptions(model.input());
        return o;
    }

    /** The mean of the network's chunk probabilities over the window. */
    @Override
    public WindowScore score(Signal window) {
        long t0 = System.nanoTime();
        TrackInput track = new TrackInput("window", -1, Planes.of(model.input(), window));
        long t1 = System.nanoTime();
        double[] p = DeepModel.mean(model.chunkProbabilities(track));
        return new WindowScore(p, (t1 - t0) / 1e6, (System.nanoTime() - t1) / 1e6);
    }

    @Override
    public Map<String, Object> metadata() {
        return metadata;
    }

    @Override
    public void close() {
        model.close();
    }
}
