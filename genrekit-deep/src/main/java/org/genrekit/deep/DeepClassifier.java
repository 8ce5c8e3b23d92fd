package org.genrekit.deep;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.genrekit.audio.LoadOptions;
import org.genrekit.audio.Signal;
import org.genrekit.deep.input.ChunkPlan;
import org.genrekit.deep.input.Planes;
import org.genrekit.deep.input.TrackInput;
import org.genrekit.features.FeatureRecipe;
import org.genrekit.models.GenreClassifier;
import org.genrekit.models.Prediction;

/**
 * A deep model as applications see it: track probabilities are the mean of the chunk
 * probabilities; with {@code segments} each chunk's probabilities come back with its time span.
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

    @Override
    public Prediction classify(Signal signal, boolean segments) {
        long t0 = System.nanoTime();
        TrackInput track = new TrackInput("signal", -1, Planes.of(model.input(), signal));
        long t1 = System.nanoTime();
        float[][] chunks = model.chunkProbabilities(track);
        long t2 = System.nanoTime();
        List<Prediction.Segment> segs = new ArrayList<>();
        if (segments && model.input().kind().chunked()) {
            List<ChunkPlan.Chunk> spans = model.chunks(track.cols());
            double fps = Planes.framesPerSecond(model.input());
            for (int i = 0; i < spans.size(); i++) {
                double[] p = new double[chunks[i].length];
                for (int c = 0; c < p.length; c++) p[c] = chunks[i][c];
                double start = spans.get(i).start() / fps;
                double end = Math.min(signal.durationSeconds(), (spans.get(i).start() + spans.get(i).width()) / fps);
                segs.add(new Prediction.Segment(start, Math.max(start, end), p));
            }
        }
        return new Prediction(model.labels(), DeepModel.mean(chunks), segs, (t1 - t0) / 1e6, (t2 - t1) / 1e6);
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
