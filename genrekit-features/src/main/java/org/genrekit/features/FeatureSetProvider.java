package org.genrekit.features;

import java.util.List;

/**
 * Feature sets that live in other modules (the pretrained backbones' embeddings need DJL, which
 * this module does not depend on) register here through {@link java.util.ServiceLoader}. A
 * provider must be cheap to construct: heavy engines load only in {@link #create}.
 */
public interface FeatureSetProvider {
    /** Recipe names this provider creates. */
    List<String> names();

    /** Creates the set for a recipe whose name is one of {@link #names()}. */
    FeatureSet create(FeatureRecipe recipe);
}
