package org.genrekit.models.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.genrekit.models.algo.Algorithm;
import org.genrekit.models.algo.Algorithms;
import org.genrekit.models.algo.ParamReader;
import org.genrekit.models.ensemble.EnsembleWeights;
import org.genrekit.models.pipeline.LogTransform;
import org.genrekit.models.pipeline.Pca;
import org.genrekit.models.pipeline.Pipeline;
import org.genrekit.models.pipeline.SoftVote;
import org.genrekit.models.pipeline.StandardScaler;
import org.genrekit.models.pipeline.TabularModel;
import org.genrekit.models.pipeline.VectorModel;

/** Fits a {@link PipelineSpec} on training data: column choice, scaling, PCA, model; or a soft vote of such. */
public final class PipelineTrainer {
    /**
     * A single-algorithm spec read and checked.
     *
     * @param pipeline  the pipeline's own options (pca, drop, log)
     * @param algorithm the algorithm with its typed options
     */
    public record SingleSpec(PipelineOptions pipeline, Algorithm.Configured<?> algorithm) {
    }

    private PipelineTrainer() {
    }

    public static TabularModel fit(PipelineSpec spec, TrainingData data, long seed, int threads) {
        return switch (spec.model()) {
            case "default" -> fit(DefaultPipeline.spec().with(spec.params()), data, seed, threads);
            case "ensemble" -> fitEnsemble(spec, data, seed, threads);
            default -> fitSingle(spec, data, seed, threads);
        };
    }

    /** Validates the spec's parameters without training (fails fast on typos). */
    public static void validate(PipelineSpec spec) {
        switch (spec.model()) {
            case "default" -> validate(DefaultPipeline.spec().with(spec.params()));
            case "ensemble" -> {
                List<PipelineSpec> members = members(spec);
                members.forEach(PipelineTrainer::validate);
                EnsembleWeights.parse(spec.params().get("weights"), members.size());
            }
            default -> split(spec);
        }
    }

    private static TabularModel fitSingle(PipelineSpec spec, TrainingData data, long seed, int threads) {
        SingleSpec single = split(spec);
        PipelineOptions po = single.pipeline();
        List<String> cols = new ArrayList<>(data.columns());
        // Absent columns are ignored so that a spec (e.g. the default model's) also runs on other feature sets.
        cols.removeAll(po.drop());
        if (cols.isEmpty()) throw new IllegalArgumentException("drop leaves no columns");
        // Columns constant in training carry no information and would explode on new data
        // (GTZAN's 'length' is the same for every 30 s clip but not for other audio): drop them.
        List<String> constant = constantColumns(data, cols);
        cols.removeAll(constant);
        if (cols.isEmpty()) throw new IllegalArgumentException("every column is constant in the training data");
        double[][] x = data.columns(cols);
        LogTransform log = null;
        if (po.log()) {
            log = LogTransform.fit(x);
            for (int i = 0; i < x.length; i++) x[i] = log.apply(x[i]);
        }
        StandardScaler scaler = StandardScaler.fit(x);
        for (int i = 0; i < x.length; i++) x[i] = scaler.apply(x[i]);
        Pca pca = null;
        StringBuilder desc = new StringBuilder("scale");
        if (log != null) desc.insert(0, "log(" + log.transformed() + " skewed cols) > ");
        if (!po.drop().isEmpty()) desc.insert(0, "drop(" + String.join(";", po.drop()) + ") > ");
        if (!constant.isEmpty()) desc.insert(0, "drop constant(" + String.join(",", constant) + ") > ");
        if (po.pca() > 0) {
            pca = Pca.fit(x, po.pca());
            for (int i = 0; i < x.length; i++) x[i] = pca.apply(x[i]);
            desc.append(String.format(Locale.ROOT, " > pca(%s: %d comp., %.3f var.)", spec.params().get("pca"), pca.components(), pca.explainedVariance()));
        }
        VectorModel m = single.algorithm().fit(x, data.y(), data.labels().size(), seed, threads);
        desc.append(" > ").append(single.algorithm());
        return new Pipeline(cols, log, scaler, pca, m, desc.toString());
    }

    private static List<String> constantColumns(TrainingData data, List<String> cols) {
        List<String> out = new ArrayList<>();
        for (String c : cols) {
            int j = data.columns().indexOf(c);
            float first = data.x()[0][j];
            boolean same = true;
            for (float[] r : data.x()) if (r[j] != first) { same = false; break; }
            if (same) out.add(c);
        }
        return out;
    }

    /**
     * Reads a single-algorithm spec: pipeline parameters (pca, drop, log) apart, the rest the
     * algorithm's. An unknown name is refused with the valid ones of both kinds, bad values by the
     * algorithm's options.
     */
    public static SingleSpec split(PipelineSpec spec) {
        Algorithm<?> alg = Algorithms.get(spec.model());
        Map<String, String> pipe = new LinkedHashMap<>(), algo = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : spec.params().entrySet()) {
            if (PipelineOptions.isPipelineParam(e.getKey())) pipe.put(e.getKey(), e.getValue());
            else algo.put(e.getKey(), e.getValue());
        }
        List<String> own = ParamReader.names(alg.params());
        for (String k : algo.keySet()) {
            if (!own.contains(k)) {
                List<String> valid = new ArrayList<>(own);
                valid.addAll(ParamReader.names(PipelineOptions.PARAMS));
                throw new IllegalArgumentException(ParamReader.unknown(alg.name(), k, valid));
            }
        }
        return new SingleSpec(PipelineOptions.of(pipe), alg.configure(algo));
    }

    /** The member specs of an ensemble spec. */
    public static List<PipelineSpec> members(PipelineSpec spec) {
        String names = spec.params().get("members");
        if (names == null || names.isBlank()) throw new IllegalArgumentException("model 'ensemble' needs members=a,b,... (e.g. members=logreg,svm-rbf,mlp)");
        List<String> list = Arrays.stream(names.split("[,;]")).map(String::strip).toList();
        for (String k : spec.params().keySet()) {
            if (k.equals("members") || k.equals("weights")) continue;
            int dot = k.indexOf('.');
            if (dot < 0 || !list.contains(k.substring(0, dot))) {
                throw new IllegalArgumentException("ensemble parameter '" + k + "' must be members, weights or MEMBER.param with MEMBER one of " + list);
            }
        }
        List<PipelineSpec> out = new ArrayList<>();
        for (String m : list) {
            if (m.equals("ensemble")) throw new IllegalArgumentException("an ensemble cannot contain an ensemble");
            Map<String, String> mp = new LinkedHashMap<>();
            for (Map.Entry<String, String> e : spec.params().entrySet()) {
                if (e.getKey().startsWith(m + ".")) mp.put(e.getKey().substring(m.length() + 1), e.getValue());
            }
            out.add(PipelineSpec.of(m, mp));
        }
        return out;
    }

    private static TabularModel fitEnsemble(PipelineSpec spec, TrainingData data, long seed, int threads) {
        List<PipelineSpec> members = members(spec);
        double[] w = EnsembleWeights.parse(spec.params().get("weights"), members.size());
        List<TabularModel> fitted = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) fitted.add(fit(members.get(i), data, seed + i, threads));
        return new SoftVote(fitted, w);
    }
}
