package org.genrekit.models.algo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.genrekit.models.train.PipelineSpec;
import org.genrekit.models.train.PipelineTrainer;
import org.junit.jupiter.api.Test;

/** Every algorithm's options: defaults read, a bad value and an unknown name refused with one exact message, before any data. */
class AlgorithmOptionsTest {
    /** One out-of-range value per algorithm (majority takes no parameter), with what the message must say it must be. */
    private static final Map<String, List<String>> BAD = Map.of(
            "knn", List.of("k", "0", "an integer >= 1"),
            "logreg", List.of("lambda", "-1", ">= 0"),
            "lda", List.of("shrinkage", "1.5", "in [0, 1]"),
            "svm-linear", List.of("C", "0", "> 0"),
            "svm-rbf", List.of("gamma", "-0.1", "> 0 or scale"),
            "rf", List.of("mtry", "-1", "an integer >= 0"),
            "gbm", List.of("subsample", "1.5", "in (0, 1]"),
            "xgboost", List.of("colsample", "0", "in (0, 1]"),
            "mlp", List.of("dropout", "1", "in [0, 1)"));

    @Test
    void everyAlgorithmReadsItsDocumentedDefaults() {
        for (Algorithm<?> a : Algorithms.all()) {
            Record o = a.options(Map.of());
            assertEquals(o, a.options(a.params().stream().collect(Collectors.toMap(ParamDoc::name, ParamDoc::defaultValue))),
                    a.name() + ": the documented defaults are the ones used");
            for (Map.Entry<String, List<String>> g : a.grid().entrySet()) {
                assertTrue(ParamReader.names(a.params()).contains(g.getKey()), a.name() + " searches an undocumented parameter " + g.getKey());
                for (String v : g.getValue()) a.options(Map.of(g.getKey(), v)); // every grid value is valid
            }
        }
    }

    @Test
    void aBadValueGivesTheExactMessage() {
        assertEquals(Algorithms.names().size() - 1, BAD.size(), "one case per algorithm with parameters");
        for (Map.Entry<String, List<String>> c : BAD.entrySet()) {
            String name = c.getKey(), key = c.getValue().get(0), value = c.getValue().get(1);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Algorithms.get(name).options(Map.of(key, value)), name);
            assertEquals("parameter '" + key + "' of algorithm '" + name + "' must be " + c.getValue().get(2) + ", got '" + value + "'", e.getMessage());
        }
    }

    @Test
    void anUnknownNameGivesTheExactMessageWithTheValidOnes() {
        for (Algorithm<?> a : Algorithms.all()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> a.options(Map.of("zzzz", "1")), a.name());
            List<String> valid = ParamReader.names(a.params());
            assertEquals("unknown parameter 'zzzz' for algorithm '" + a.name() + "'"
                    + (valid.isEmpty() ? " (it takes none)" : " (valid: " + String.join(", ", valid) + ")"), e.getMessage());
        }
    }

    @Test
    void typosGetADidYouMean() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PipelineTrainer.validate(PipelineSpec.of("logreg", Map.of("lamda", "1"))));
        assertEquals("unknown parameter 'lamda' for algorithm 'logreg'; did you mean 'lambda'? (valid: lambda, max_iter, form, pca, drop, log)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> PipelineTrainer.validate(PipelineSpec.of("logistic", Map.of())));
        assertEquals("unknown algorithm 'logistic'; did you mean 'logreg'? (valid: majority, knn, logreg, lda, svm-linear, svm-rbf, rf, gbm,"
                + " xgboost, mlp, ensemble, default)", e.getMessage());
    }

    @Test
    void nonNumbersAndNonFiniteNumbersAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Algorithms.get("logreg").options(Map.of("lambda", "NaN")));
        assertEquals("parameter 'lambda' of algorithm 'logreg' must be a finite number, got 'NaN'", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Algorithms.get("knn").options(Map.of("k", "seven")));
        assertEquals("parameter 'k' of algorithm 'knn' must be an integer >= 1, got 'seven'", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Algorithms.get("knn").options(Map.of("weights", "cosine")));
        assertEquals("parameter 'weights' of algorithm 'knn' must be one of uniform, distance, got 'cosine'", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Algorithms.get("mlp").options(Map.of("hidden", "128,,64")));
        assertEquals("parameter 'hidden' of algorithm 'mlp' must be integers >= 1 separated by commas, got '128,,64'", e.getMessage());
    }

    @Test
    void pipelineAndEnsembleParametersAreCheckedWithoutData() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PipelineTrainer.validate(PipelineSpec.of("knn", Map.of("pca", "1.5"))));
        assertEquals("parameter 'pca' must be 0 (none), a whole number of components >= 1, or a variance fraction in (0, 1), got '1.5'", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> PipelineTrainer.validate(PipelineSpec.of("ensemble", Map.of("members", "knn,lda", "weights", "1,x"))));
        assertEquals("weights must be finite numbers >= 0, got 'x'", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> PipelineTrainer.validate(PipelineSpec.of("ensemble", Map.of("members", "knn,lda", "lda.shrinkage", "2"))));
        assertEquals("parameter 'shrinkage' of algorithm 'lda' must be in [0, 1], got '2'", e.getMessage());
    }
}
