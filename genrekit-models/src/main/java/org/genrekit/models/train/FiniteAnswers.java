package org.genrekit.models.train;

import java.util.Arrays;
import org.genrekit.models.pipeline.TabularModel;

/**
 * The check before a model is saved: it must answer finite probabilities on every row it was
 * trained on. Values that are finite but extreme can still overflow a model (a logistic regression
 * that answers NaN for everything once scored 0.108 on validation and was written all the same).
 */
final class FiniteAnswers {
    private FiniteAnswers() {
    }

    static void require(TabularModel model, PipelineSpec spec, TrainingData train) {
        double[][] p = Predictions.proba(model, train);
        for (int i = 0; i < p.length; i++) {
            for (double v : p[i]) {
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("model " + spec + " answers non-finite probabilities on training row "
                            + train.ids()[i] + " " + Arrays.toString(p[i]) + "; it was not saved (the data has values too extreme for it:"
                            + " scale or clip them, or try another model)");
                }
            }
        }
    }
}
