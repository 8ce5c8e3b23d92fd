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
