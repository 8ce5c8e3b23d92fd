package org.genrekit.models.backbone;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.genrekit.backbone.store.BackboneSpec;
import org.genrekit.backbone.store.Backbones;
import org.genrekit.backbone.store.InstalledBackbone;
import org.genrekit.features.FeatureRecipe;
import org.genrekit.models.bundle.BundleException;

/**
 * Bundles whose features come from a pretrained backbone record its name and SHA-256 under
 * {@code backbone} in the manifest (the weights themselves never go into a bundle). Loading such a
 * bundle checks that the same weights are installed, and otherwise fails with one line that says
 * how to install them.
 */
public final class BackboneCheck {
    private BackboneCheck() {
    }

    /** The manifest field for a model on {@code recipe}, when the recipe runs a backbone (it must be installed). */
    public static Optional<Map<String, Object>> manifestField(FeatureRecipe recipe) {
        if (BackboneSpec.find(recipe.name()).isEmpty()) return Optional.empty();
        InstalledBackbone b = Backbones.require(recipe.name());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", b.name());
        m.put("sha256", b.sha256());
        return Optional.of(m);
    }

    /** Checks a manifest's {@code backbone} field against what is installed. */
    public static void verify(Path file, Map<String, Object> manifest) throws BundleException {
        if (!(manifest.get("backbone") instanceof Map<?, ?> req)) return;
        String name = String.valueOf(req.get("name"));
        String sha = String.valueOf(req.get("sha256"));
        Optional<BackboneSpec> spec = BackboneSpec.find(name);
        if (spec.isEmpty()) throw new BundleException(file, "needs backbone '" + name + "', which this Genrekit does not know");
        Optional<InstalledBackbone> have = Backbones.find(name);
        if (have.isEmpty()) {
            throw new BundleException(file, "needs the pretrained backbone " + name + ", which is not installed; install it with: "
                    + spec.get().installHint());
        }
        if (!have.get().sha256().equals(sha)) {
            throw new BundleException(file, "was trained on backbone " + name + " with weights SHA-256 " + sha + ", but the installed weights are "
                    + have.get().sha256() + "; install those weights or retrain the model");
        }
    }
}
