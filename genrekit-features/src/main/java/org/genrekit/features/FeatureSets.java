package org.genrekit.features;

/** Looks feature sets up by recipe: {@code gtzan58}, {@code fma518}. */
public final class FeatureSets {
    private FeatureSets() {
    }

    public static FeatureSet create(FeatureRecipe recipe) {
        throw new UnsupportedOperationException("FeatureSets.create is implemented by the features work");
    }

    public static FeatureSet create(String recipeText) {
        return create(FeatureRecipe.parse(recipeText));
    }
}
