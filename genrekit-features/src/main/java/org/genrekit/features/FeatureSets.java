package org.genrekit.features;

import java.util.List;
import org.genrekit.features.sets.Fma518;
import org.genrekit.features.sets.Gtzan58;
import org.genrekit.features.sets.LogMel;

/** Looks feature sets up by recipe: {@code gtzan58}, {@code fma518}, {@code logmel{...}}. */
public final class FeatureSets {
    /** Names {@link #create(FeatureRecipe)} knows. */
    public static final List<String> NAMES = List.of("gtzan58", "fma518", "logmel");

    private FeatureSets() {
    }

    public static FeatureSet create(FeatureRecipe recipe) {
        return switch (recipe.name()) {
            case "gtzan58" -> new Gtzan58(recipe);
            case "fma518" -> new Fma518(recipe);
            case "logmel" -> LogMel.fromRecipe(recipe);
            default -> throw new IllegalArgumentException("unknown feature set '" + recipe.name() + "' (known: " + String.join(", ", NAMES) + ")");
        };
    }

    public static FeatureSet create(String recipeText) {
        return create(FeatureRecipe.parse(recipeText));
    }
}
