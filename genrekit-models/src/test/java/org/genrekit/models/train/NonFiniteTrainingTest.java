package org.genrekit.models.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.genrekit.data.VectorDataset;
import org.genrekit.features.FeatureRecipe;
import org.genrekit.models.Synthetic;
import org.genrekit.models.pipeline.TabularModel;
import org.junit.jupiter.api.Test;

/** No model is fitted on non-finite values, and none is kept that answers non-finite probabilities. */
class NonFiniteTrainingTest {
    static Trainer.Request request(String model) {
        return new Trainer.Request(PipelineSpec.of(model, Map.of()), false, false, 3, 1, 1, FeatureRecipe.of("gtzan58"), 30, "test");
    }

    @Test
    void aNaNRowIsRefusedBeforeAnyModelSeesIt() {
        TrainingData d = Synthetic.data(10, 1);
        float[][] x = d.x().clone();
        x[4] = x[4].clone();
        x[4][1] = Float.POSITIVE_INFINITY;
        VectorDataset ds = new VectorDataset(List.of(d.ids()), java.util.Arrays.stream(d.y()).mapToObj(d.labels()::get).toList(), d.columns(), x);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Datasets.training(ds, null));
        assertEquals("row " + d.ids()[4] + ": column 'b' is Infinity; a model cannot learn from it (impute column medians with --missing median)",
                e.getMessage());
    }

    @Test
    void aModelThatAnswersNaNOnItsTrainingRowsIsNotKept() {
        TrainingData d = Synthetic.data(10, 1);
        // Smile and XGBoost models stay finite on the extreme finite values tried (up to 3e38): the
        // check is the last guard before a bundle is written, so it is tested with a model that fails it.
        TabularModel nanOnSomeRows = new TabularModel() {
            @Override public List<String> columns() { return d.columns(); }
            @Override public int numClasses() { return 3; }
            @Override public String describe() { return "overflowing"; }

            @Override
            public double[] proba(float[] row) {
                return row[0] > 5 ? new double[] {Double.NaN, Double.NaN, Double.NaN} : new double[] {0.2, 0.3, 0.5};
            }
        };
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FiniteAnswers.require(nanOnSomeRows, PipelineSpec.of("logreg", Map.of()), d));
        assertTrue(e.getMessage().startsWith("model logreg answers non-finite probabilities on training row gamma."), e.getMessage());
        assertTrue(e.getMessage().contains("[NaN, NaN, NaN]; it was not saved"), e.getMessage());
        // a real fit passes the same check inside Trainer.train
        assertEquals(30, Trainer.train(request("logreg"), d, null).trainRows());
    }
}
