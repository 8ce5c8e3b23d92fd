package org.genrekit.models.train;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What to train: a model name and its parameters as text. Besides the algorithm's own
 * parameters every pipeline takes {@code pca} (0 = none, n &gt;= 1 components, or a variance
 * fraction in (0, 1)) and {@code drop} (columns to leave out, separated by ';' or ',').
 * The {@code ensemble} model takes {@code members=a,b,c} (or a;b;c), optional {@code weights=1,2,1}, and
 * member parameters prefixed with the member's name ({@code svm-rbf.C=10}).
 */
public record PipelineSpec(String model, Map<String, String> params) {
    public PipelineSpec {
        params = java.util.Collections.unmodifiableMap(new TreeMap<>(params));
    }

    public static PipelineSpec of(String model, Map<String, String> params) {
        return new PipelineSpec(model, params);
    }

    public PipelineSpec with(Map<String, String> more) {
        Map<String, String> p = new LinkedHashMap<>(params);
        p.putAll(more);
        return new PipelineSpec(model, p);
    }

    @Override
    public String toString() {
        if (params.isEmpty()) return model;
        return model + params.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", ", "{", "}"));
    }
}
