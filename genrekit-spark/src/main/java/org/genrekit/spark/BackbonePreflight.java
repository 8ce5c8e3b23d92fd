package org.genrekit.spark;

import org.genrekit.backbone.store.BackboneMissingException;
import org.genrekit.backbone.store.BackboneSpec;
import org.genrekit.backbone.store.Backbones;
import org.genrekit.features.FeatureRecipe;

/** The driver's check, before Spark starts, that the backbones a job needs are installed here. */
final class BackbonePreflight {
    private BackbonePreflight() {
    }

    /** @throws JobRefusedException naming the missing backbone and how to install it */
    static void require(FeatureRecipe... recipes) {
        for (FeatureRecipe r : recipes) {
            if (r == null || BackboneSpec.find(r.name()).isEmpty()) continue;
            try {
                Backbones.require(r.name());
            } catch (BackboneMissingException e) {
                throw new JobRefusedException((r.id().equals(r.name()) ? "" : r.id() + ": ") + e.getMessage());
            }
        }
    }

    /** Whether the model's recipe or the feature set runs a backbone. */
    static boolean needed(FeatureRecipe modelRecipe, String features) {
        if (modelRecipe != null && BackboneSpec.find(modelRecipe.name()).isPresent()) return true;
        return features != null && BackboneSpec.find(org.genrekit.features.FeatureSets.create(features).recipe().name()).isPresent();
    }
}
