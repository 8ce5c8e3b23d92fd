package org.genrekit.deep.bundle;

import java.util.List;
import org.genrekit.deep.DeepModel;
import org.genrekit.deep.arch.ArchSpec;
import org.genrekit.deep.input.InputSpec;
import org.genrekit.deep.input.Normalizer;
import org.genrekit.features.FeatureRecipe;

/** deep/model.json: what is needed to rebuild the network and feed it. */
record ModelDescription(String arch, int width, double dropout, String inputKind, String recipe, int rows, int chunkWidth,
                        List<String> labels, float[] mean, float[] std) {
    static ModelDescription of(DeepModel m) {
        return new ModelDescription(m.arch().name(), m.arch().width(), m.arch().dropout(), m.input().kind().name(),
                m.input().recipe().id(), m.input().rows(), m.input().width(), m.labels(), m.normalizer().mean(), m.normalizer().std());
    }

    ArchSpec archSpec() {
        return new ArchSpec(arch, width, dropout);
    }

    InputSpec inputSpec() {
        return new InputSpec(ArchSpec.InputKind.valueOf(inputKind), FeatureRecipe.parse(recipe), rows, chunkWidth);
    }

    Normalizer normalizer() {
        return new Normalizer(mean, std);
    }
}
