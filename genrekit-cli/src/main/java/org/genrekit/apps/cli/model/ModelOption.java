package org.genrekit.apps.cli.model;

import java.io.IOException;
import java.nio.file.Path;
import org.genrekit.backbone.store.BackboneSpec;
import org.genrekit.models.GenreClassifier;
import org.genrekit.models.backbone.BuiltinBackboneModels;
import org.genrekit.models.bundle.ModelBundles;
import org.genrekit.models.bundle.ModelLoader;

/** Loads {@code --model FILE}, or the built-in default model when none is given. */
final class ModelOption {
    private static boolean hinted;

    private ModelOption() {
    }

    static GenreClassifier load(Path model) throws IOException {
        if (ModelLoader.isDefault(model == null ? null : model.toString())) hintBackbone();
        return ModelLoader.load(model);
    }

    /** {@code --taxonomy gtzan} is the default model (or {@code model}); {@code audioset} the zero-shot AudioSet genres. */
    static GenreClassifier load(Path model, String taxonomy) throws IOException {
        return taxonomy.equals("audioset") ? BuiltinBackboneModels.audioSetGenres() : load(model);
    }

    /** Says once per process, on stderr, that a stronger default exists once the backbone is installed. */
    static synchronized void hintBackbone() {
        if (hinted || ModelBundles.backboneDefaultAvailable()) return;
        hinted = true;
        BackboneSpec s = BackboneSpec.MN04;
        System.err.println("genrekit: using the built-in gtzan58 model; for better answers on new music install the pretrained backbone: "
                + "genrekit backbone install " + s.name() + " --url " + s.url());
    }
}
