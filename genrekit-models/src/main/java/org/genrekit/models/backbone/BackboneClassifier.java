package org.genrekit.models.backbone;

import java.util.List;
import java.util.Map;
import org.genrekit.audio.LoadOptions;
import org.genrekit.audio.Signal;
import org.genrekit.backbone.audioset.GenreMapping;
import org.genrekit.backbone.mn.Mn04Backbone;
import org.genrekit.backbone.mn.Mn04FeatureSet;
import org.genrekit.features.FeatureRecipe;
import org.genrekit.models.GenreClassifier;
import org.genrekit.models.WindowScore;
import org.genrekit.models.pipeline.TabularModel;

/**
 * Genres from the pretrained mn04 network: a zero-shot {@link GenreMapping} of its AudioSet
 * probabilities, a head fitted on its embeddings, or a blend {@code (1 - w) zero-shot + w head}.
 * Each window of the track ({@link org.genrekit.models.TrackPredictor}; by default the clip length the
 * head was trained on) goes through the network once. Thread-safe.
 */
public final class BackboneClassifier implements GenreClassifier {
    private final String name;
    private final String version;
    private final GenreMapping mapping;
    private final TabularModel head;
    private final double headWeight;
    private final double[] headPriors;
    private final int[] headColumns;
    private final double segmentSeconds;
    private final Map<String, Object> metadata;
    private final List<String> labels;

    /**
     * @param mapping    zero-shot mapping, or null for a head alone
     * @param head       pipeline on {@code emb_*} columns, or null for zero-shot alone
     * @param headWeight weight of the head in the blend, in [0, 1] (1 without a mapping, 0 without a head)
     * @param headPriors class frequencies of the head's training data to divide out (a head trained on
     *                   unbalanced data then treats every genre alike), or null to keep its probabilities
     */
    public BackboneClassifier(String name, String version, GenreMapping mapping, TabularModel head, List<String> headLabels,
                              double headWeight, double[] headPriors, double segmentSeconds, Map<String, Object> metadata) {
        if (mapping == null && head == null) throw new IllegalArgumentException("a backbone model needs a mapping, a head or both");
        if (!(headWeight >= 0 && headWeight <= 1)) throw new IllegalArgumentException("head weight must be in [0, 1], got " + headWeight);
        if (mapping == null && headWeight != 1) throw new IllegalArgumentException("without a mapping the head weight must be 1, got " + headWeight);
        if (head == null && headWeight != 0) throw new IllegalArgumentException("without a head the head weight must be 0, got " + headWeight);
        if (mapping != null && head != null && !mapping.labels().equals(headLabels)) {
            throw new IllegalArgumentException("mapping labels " + mapping.labels() + " differ from the head's " + headLabels);
        }
        if (!(segmentSeconds > 0)) throw new IllegalArgumentException("segment length must be > 0 s, got " + segmentSeconds);
        this.name = name;
        this.version = version;
        this.mapping = mapping;
        this.head = head;
        this.headWeight = headWeight;
        if (headPriors != null) {
            if (head == null || headPriors.length != headLabels.size()) throw new IllegalArgumentException("head priors need a head and one value per label");
            for (double v : headPriors) if (!(v > 0 && v <= 1)) throw new IllegalArgumentException("head priors must be in (0, 1], got " + v);
        }
        this.headPriors = headPriors == null ? null : headPriors.clone();
        this.headColumns = head == null ? null : embeddingColumns(head.columns());
        this.segmentSeconds = segmentSeconds;
        this.metadata = Map.copyOf(metadata);
        this.labels = List.copyOf(mapping != null ? mapping.labels() : headLabels);
    }

    /** Probabilities for one analysis (the windows of one segment). */
    public double[] proba(Mn04Backbone.Analysis a) {
        double[] p = new double[labels.size()];
        if (mapping != null && headWeight < 1) {
            double[] z = mapping.apply(Mn04Backbone.Analysis.mean(a.outputs().probabilities()));
            for (int i = 0; i < p.length; i++) p[i] += (1 - headWeight) * z[i];
        }
        if (head != null && headWeight > 0) {
            double[] h = headProba(Mn04Backbone.Analysis.mean(a.outputs().embedding()));
            for (int i = 0; i < p.length; i++) p[i] += headWeight * h[i];
        }
        return p;
    }

    /**
     * Where each of the head's columns sits in the embedding: a fitted pipeline keeps only the
     * columns it uses (constant ones are dropped), so rows are selected by name, never by position.
     */
    static int[] embeddingColumns(List<String> columns) {
        int[] idx = new int[columns.size()];
        for (int j = 0; j < idx.length; j++) {
            String c = columns.get(j);
            if (!c.matches("emb_\\d+") || Integer.parseInt(c.substring(4)) >= Mn04FeatureSet.EMBEDDING) {
                throw new IllegalArgumentException("the head's column '" + c + "' is not an mn04 embedding column (emb_0 .. emb_383)");
            }
            idx[j] = Integer.parseInt(c.substring(4));
        }
        return idx;
    }

    /** The head's probabilities for one mean embedding, with its training priors divided out when set. */
    public double[] headProba(float[] embedding) {
        float[] row = new float[headColumns.length];
        for (int j = 0; j < row.length; j++) row[j] = embedding[headColumns[j]];
        double[] h = head.proba(row);
        if (headPriors == null) return h;
        double s = 0;
        for (int i = 0; i < h.length; i++) s += h[i] /= headPriors[i];
        for (int i = 0; i < h.length; i++) h[i] /= s;
        return h;
    }

    public double[] headPriors() {
        return headPriors == null ? null : headPriors.clone();
    }

    @Override
    public WindowScore score(Signal window) {
        long t0 = System.nanoTime();
        Mn04Backbone.Analysis a = Mn04Backbone.installed().analyse(window);
        long t1 = System.nanoTime();
        double[] p = proba(a);
        return new WindowScore(p, (t1 - t0) / 1e6, (System.nanoTime() - t1) / 1e6);
    }

    /** The clip length the head was trained on. */
    @Override
    public double clipSeconds() {
        return segmentSeconds;
    }

    public GenreMapping mapping() {
        return mapping;
    }

    public TabularModel head() {
        return head;
    }

    public double headWeight() {
        return headWeight;
    }

    public double segmentSeconds() {
        return segmentSeconds;
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
        return FeatureRecipe.of(Mn04Backbone.NAME); // the canonical mn04 recipe: embeddings only
    }

    @Override
    public LoadOptions loadOptions() {
        return LoadOptions.atRate(Mn04Backbone.SAMPLE_RATE);
    }

    @Override
    public Map<String, Object> metadata() {
        return metadata;
    }
}
