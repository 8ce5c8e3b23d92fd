package org.genrekit.backbone.mn;

import java.util.List;
import org.genrekit.features.FeatureRecipe;
import org.genrekit.features.FeatureSet;
import org.genrekit.features.FeatureSetProvider;

/** Registers the {@code mn04} recipe with {@link org.genrekit.features.FeatureSets}. */
public final class Mn04Provider implements FeatureSetProvider {
    @Override
    public List<String> names() {
        return List.of(Mn04Backbone.NAME);
    }

    @Override
    public FeatureSet create(FeatureRecipe recipe) {
        return new Mn04FeatureSet(recipe);
    }
}
