package org.genrekit.features;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.genrekit.features.sets.Fma518;
import org.genrekit.features.sets.Gtzan58;
import org.genrekit.features.sets.LogMel;

/**
 * Looks feature sets up by recipe: {@code gtzan58}, {@code fma518}, {@code logmel{...}}, and the
 * names registered by {@link FeatureSetProvider}s on the class path (e.g. {@code mn04}).
 */
public final class FeatureSets {
    /** Names built into this module. */
    public static final List<String> NAMES = List.of("gtzan58", "fma518", "logmel");

    private FeatureSets() {
    }

    /** Every name {@link #create(FeatureRecipe)} knows: built-in ones, then the providers'. */
    public static List<String> names() {
        List<String> all = new ArrayList<>(NAMES);
        for (FeatureSetProvider p : ServiceLoader.load(FeatureSetProvider.class)) all.addAll(p.names());
        return all;
    }

    public static FeatureSet create(FeatureRecipe recipe) {
        return switch (recipe.name()) {
            case "gtzan58" -> new Gtzan58(recipe);
            case "fma518" -> new Fma518(recipe);
            case "logmel" -> LogMel.fromRecipe(recipe);
            default -> {
                for (FeatureSetProvider p : ServiceLoader.load(FeatureSetProvider.class)) {
                    if (p.names().contains(recipe.name())) yield p.create(recipe);
                }
                throw new IllegalArgumentException("unknown feature set '" + recipe.name() + "' (known: " + String.join(", ", names()) + ")");
            }
        };
    }

    public static FeatureSet create(String recipeText) {
        return create(FeatureRecipe.parse(recipeText));
    }
}
