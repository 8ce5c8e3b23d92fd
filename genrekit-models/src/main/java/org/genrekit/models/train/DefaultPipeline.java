package org.genrekit.models.train;

import java.util.Map;

/**
 * The training recipe of Genrekit's built-in default model ({@code train --algo default}); loading
 * the built-in model itself is {@link org.genrekit.models.bundle.ModelLoader}'s. It is applied to
 * our extractor's features of arbitrary audio, so it favours smooth, well-calibrated models over
 * the last point of validation accuracy.
 */
public final class DefaultPipeline {
    private DefaultPipeline() {
    }

    public static PipelineSpec spec() {
        return PipelineSpec.of("ensemble", Map.ofEntries(
                Map.entry("members", "lda,logreg,svm-rbf"),
                Map.entry("lda.drop", "length"),
                Map.entry("lda.shrinkage", "0.1"),
                Map.entry("logreg.drop", "length"),
                Map.entry("logreg.lambda", "30"),
                Map.entry("svm-rbf.drop", "length"),
                Map.entry("svm-rbf.C", "3"),
                Map.entry("svm-rbf.gamma", "0.01")));
    }
}
