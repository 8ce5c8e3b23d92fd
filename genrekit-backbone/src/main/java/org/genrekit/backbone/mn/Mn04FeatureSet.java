package org.genrekit.backbone.mn;

import java.util.ArrayList;
import java.util.List;
import org.genrekit.audio.LoadOptions;
import org.genrekit.audio.Signal;
import org.genrekit.features.FeatureRecipe;
import org.genrekit.features.FeatureSet;

/**
 * The {@code mn04} feature recipe: per track, {@code emb_0 .. emb_383} = the mean of the network's
 * embeddings over consecutive 10 s windows (see {@link WindowPlan}); with {@code mn04{probs=true}}
 * also {@code as_0 .. as_526}, the window-mean of the 527 AudioSet probabilities. Audio is loaded at
 * 32 kHz through the same soxr path as librosa. The network loads from the installed backbone on
 * first use, so listing columns or parsing the recipe needs no weights.
 */
public final class Mn04FeatureSet implements FeatureSet {
    public static final int EMBEDDING = 384;
    public static final int CLASSES = 527;

    private final FeatureRecipe recipe;
    private final boolean probs;
    private final List<String> columns;

    public Mn04FeatureSet(FeatureRecipe recipe) {
        if (!recipe.name().equals(Mn04Backbone.NAME)) throw new IllegalArgumentException("not an mn04 recipe: " + recipe.id());
        for (String k : recipe.params().keySet()) {
            if (!k.equals("probs")) throw new IllegalArgumentException("mn04 has no parameter '" + k + "' (known: probs)");
        }
        String p = recipe.param("probs", "false");
        if (!p.equals("true") && !p.equals("false")) throw new IllegalArgumentException("mn04 parameter probs must be true or false, got '" + p + "'");
        // Canonical form: the default is left out, so mn04 and mn04{probs=false} key the store alike.
        this.recipe = p.equals("true") ? recipe : FeatureRecipe.of(Mn04Backbone.NAME);
        this.probs = p.equals("true");
        List<String> c = new ArrayList<>();
        for (int i = 0; i < EMBEDDING; i++) c.add("emb_" + i);
        if (probs) for (int i = 0; i < CLASSES; i++) c.add("as_" + i);
        this.columns = List.copyOf(c);
    }

    @Override
    public FeatureRecipe recipe() {
        return recipe;
    }

    @Override
    public List<String> columns() {
        return columns;
    }

    @Override
    public LoadOptions loadOptions() {
        return LoadOptions.atRate(Mn04Backbone.SAMPLE_RATE);
    }

    @Override
    public float[] extract(Signal signal) {
        return vector(Mn04Backbone.installed().analyse(signal));
    }

    /** The recipe's vector from an analysis already made. */
    public float[] vector(Mn04Backbone.Analysis a) {
        float[] emb = Mn04Backbone.Analysis.mean(a.outputs().embedding());
        if (!probs) return emb;
        float[] p = Mn04Backbone.Analysis.mean(a.outputs().probabilities());
        float[] out = new float[EMBEDDING + CLASSES];
        System.arraycopy(emb, 0, out, 0, EMBEDDING);
        System.arraycopy(p, 0, out, EMBEDDING, CLASSES);
        return out;
    }
}
