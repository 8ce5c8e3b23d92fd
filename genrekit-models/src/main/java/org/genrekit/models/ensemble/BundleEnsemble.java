package org.genrekit.models.ensemble;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.genrekit.audio.LoadOptions;
import org.genrekit.audio.Signal;
import org.genrekit.features.FeatureRecipe;
import org.genrekit.models.GenreClassifier;
import org.genrekit.models.WindowScore;

/**
 * Soft vote of whole classifiers (classical and deep alike): each member scores the same window of
 * the track, probabilities are aligned by label NAME and averaged with the members' weights.
 * A label a member does not know gets probability 0 from it. Members must decode at one sample
 * rate; the ensemble reads the whole file so that every member sees what it needs.
 */
public final class BundleEnsemble implements GenreClassifier {
    private final String name;
    private final String version;
    private final List<GenreClassifier> members;
    private final double[] weights;
    private final List<String> labels;
    private final Map<String, Object> metadata;
    private final LoadOptions loadOptions;

    public BundleEnsemble(String name, String version, List<GenreClassifier> members, double[] weights, Map<String, Object> metadata) {
        if (members.isEmpty()) throw new IllegalArgumentException("an ensemble needs at least one member");
        if (weights.length != members.size()) throw new IllegalArgumentException(weights.length + " weights for " + members.size() + " members");
        this.name = name;
        this.version = version;
        this.members = List.copyOf(members);
        this.weights = weights.clone();
        this.metadata = Map.copyOf(metadata);
        LinkedHashSet<String> all = new LinkedHashSet<>();
        for (GenreClassifier m : members) all.addAll(m.labels());
        this.labels = List.copyOf(all);
        LoadOptions first = members.get(0).loadOptions();
        for (GenreClassifier m : members) {
            if (m.loadOptions().targetSampleRate() != first.targetSampleRate()) {
                throw new IllegalArgumentException("ensemble members decode at different sample rates: " + members.get(0).name() + " at "
                        + first.targetSampleRate() + " Hz, " + m.name() + " at " + m.loadOptions().targetSampleRate() + " Hz");
            }
        }
        this.loadOptions = LoadOptions.atRate(first.targetSampleRate());
    }

    /** The labels of a set of members, in first-seen order (the ensemble's label set). */
    public static List<String> unionLabels(List<GenreClassifier> members) {
        LinkedHashSet<String> all = new LinkedHashSet<>();
        for (GenreClassifier m : members) all.addAll(m.labels());
        return new ArrayList<>(all);
    }

    @Override
    public WindowScore score(Signal window) {
        double[] p = new double[labels.size()];
        double wsum = 0, featMs = 0, infMs = 0;
        for (int i = 0; i < members.size(); i++) {
            GenreClassifier m = members.get(i);
            WindowScore q = m.score(window);
            for (int c = 0; c < m.labels().size(); c++) p[labels.indexOf(m.labels().get(c))] += weights[i] * q.probabilities()[c];
            wsum += weights[i];
            featMs += q.featureMillis();
            infMs += q.modelMillis();
        }
        for (int c = 0; c < p.length; c++) p[c] /= wsum;
        return new WindowScore(p, featMs, infMs);
    }

    /** The first member's clip length: every member scores the same windows. */
    @Override
    public double clipSeconds() {
        return members.get(0).clipSeconds();
    }

    public double[] weights() {
        return weights.clone();
    }

    public List<GenreClassifier> members() {
        return members;
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

    /** The first member's recipe (members may use different ones). */
    @Override
    public FeatureRecipe recipe() {
        return members.get(0).recipe();
    }

    @Override
    public LoadOptions loadOptions() {
        return loadOptions;
    }

    @Override
    public Map<String, Object> metadata() {
        return metadata;
    }

    @Override
    public void close() {
        for (GenreClassifier m : members) m.close();
    }
}
