package org.genrekit.models.train;

import java.util.Map;

/**
 * The pipeline of Genrekit's built-in default model ({@code --model default}). It is applied to
 * our extractor's features of arbitrary audio, so it favours smooth, well-calibrated models over
 * the last point of validation accuracy.
 */
public final class DefaultModel {
    private DefaultModel() {
    }

    public static PipelineSpec spec() {
        return PipelineSpec.of("ensemble", Map.of(
                "members", "logreg,svm-rbf,mlp",
                "logreg.lambda", "3",
                "svm-rbf.C", "3",
                "mlp.bag", "5"));
    }
}
