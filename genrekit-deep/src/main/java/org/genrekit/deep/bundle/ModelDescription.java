package org.genrekit.deep.bundle;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.genrekit.deep.DeepModel;
import org.genrekit.deep.arch.ArchSpec;
import org.genrekit.deep.input.InputSpec;
import org.genrekit.deep.input.Normalizer;
import org.genrekit.features.FeatureRecipe;

/** deep/model.json: what is needed to rebuild the network and feed it ({@code fineTune} only when not 0). */
record ModelDescription(String arch, int width, double dropout, @JsonInclude(JsonInclude.Include.NON_DEFAULT) int fineTune,
                        String inputKind, String recipe, int rows, int chunkWidth, List<String> labels, float[] mean, float[] std) {
    static ModelDescription of(DeepModel m) {
        return new ModelDescription(m.arch().name(), m.arch().width(), m.arch().dropout(), m.arch().fineTune(), m.input().kind().name(),
                m.input().recipe().id(), m.input().rows(), m.input().width(), m.labels(), m.normalizer().mean(), m.normalizer().std());
    }

    ArchSpec archSpec() {
        return new ArchSpec(arch, width, dropout, fineTune);
    }

    InputSpec inputSpec() {
        return new InputSpec(ArchSpec.InputKind.valueOf(inputKind), FeatureRecipe.parse(recipe), rows, chunkWidth);
    }

    Normalizer normalizer() {
        return new Normalizer(mean, std);
    }
}
