package org.genrekit.models.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.genrekit.models.algo.Algorithm;
import org.genrekit.models.algo.Algorithms;
import org.genrekit.models.algo.Params;
import org.genrekit.models.pipeline.LogTransform;
import org.genrekit.models.pipeline.Pca;
import org.genrekit.models.pipeline.Pipeline;
import org.genrekit.models.pipeline.SoftVote;
import org.genrekit.models.pipeline.StandardScaler;
import org.genrekit.models.pipeline.TabularModel;
import org.genrekit.models.pipeline.VectorModel;

/** Fits a {@link PipelineSpec} on training data: column choice, scaling, PCA, model; or a soft vote of such. */
public final class PipelineTrainer {
    /** Parameters every single-model pipeline accepts besides its algorithm's own. */
    public static final Map<String, String> PIPELINE_DEFAULTS = Map.of("pca", "0", "drop", "", "log", "auto");

    private PipelineTrainer() {
    }

    public static TabularModel fit(PipelineSpec spec, TrainingData data, long seed, int threads) {
        return switch (spec.model()) {
            case "default" -> fit(DefaultModel.spec().with(spec.params()), data, seed, threads);
            case "ensemble" -> fitEnsemble(spec, data, seed, threads);
            default -> fitSingle(spec, data, seed, threads);
        };
    }

    /** Validates the spec's parameters without training (fails fast on typos). */
    public static void validate(PipelineSpec spec) {
        switch (spec.model()) {
            case "default" -> validate(DefaultModel.spec().with(spec.params()));
            case "ensemble" -> members(spec).forEach(PipelineTrainer::validate);
            default -> split(spec);
        }
    }

    private static TabularModel fitSingle(PipelineSpec spec, TrainingData data, long seed, int threads) {
        Algorithm alg = Algorithms.get(spec.model());
        Map<String, String>[] parts = split(spec);
        Params p = Params.of(alg.name(), alg.defaults(), parts[1]);
        List<String> cols = new ArrayList<>(data.columns());
        String drop = parts[0].getOrDefault("drop", "");
        for (String c : drop.split("[;,]")) {
            c = c.strip();
            if (c.isEmpty()) continue;
            // Absent columns are ignored so that a spec (e.g. the default model's) also runs on other feature sets.
            cols.remove(c);
        }
        if (cols.isEmpty()) throw new IllegalArgumentException("drop leaves no columns");
        // Columns constant in training carry no information and would explode on new data
        // (GTZAN's 'length' is the same for every 30 s clip but not for other audio): drop them.
        List<String> constant = constantColumns(data, cols);
        cols.removeAll(constant);
        if (cols.isEmpty()) throw new IllegalArgumentException("every column is constant in the training data");
        double[][] x = data.columns(cols);
        String logMode = parts[0].getOrDefault("log", "auto");
        if (!logMode.equals("auto") && !logMode.equals("none")) throw new IllegalArgumentException("parameter log must be auto or none, got '" + logMode + "'");
        LogTransform log = null;
        if (logMode.equals("auto")) {
            log = LogTransform.fit(x);
            for (int i = 0; i < x.length; i++) x[i] = log.apply(x[i]);
        }
        StandardScaler scaler = StandardScaler.fit(x);
        for (int i = 0; i < x.length; i++) x[i] = scaler.apply(x[i]);
        double pcaAmount = parsePca(parts[0].getOrDefault("pca", "0"));
        Pca pca = null;
        StringBuilder desc = new StringBuilder("scale");
        if (log != null) desc.insert(0, "log(" + log.transformed() + " skewed cols) > ");
        if (!drop.isBlank()) desc.insert(0, "drop(" + drop + ") > ");
        if (!constant.isEmpty()) desc.insert(0, "drop constant(" + String.join(",", constant) + ") > ");
        if (pcaAmount > 0) {
            pca = Pca.fit(x, pcaAmount);
            for (int i = 0; i < x.length; i++) x[i] = pca.apply(x[i]);
            desc.append(String.format(Locale.ROOT, " > pca(%s: %d comp., %.3f var.)", parts[0].get("pca"), pca.components(), pca.explainedVariance()));
        }
        VectorModel m = alg.fit(x, data.y(), data.labels().size(), p, seed, threads);
        desc.append(" > ").append(alg.name()).append(p.values());
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

    static double parsePca(String v) {
        try {
            double d = Double.parseDouble(v);
            if (d < 0 || Double.isNaN(d) || (d >= 1 && d != Math.rint(d))) throw new NumberFormatException();
            return d;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("parameter pca must be 0 (none), a whole number of components >= 1 or a variance fraction in (0, 1), got '" + v + "'");
        }
    }

    /** [pipeline params, algorithm params]; unknown algorithm params are rejected. */
    @SuppressWarnings("unchecked")
    private static Map<String, String>[] split(PipelineSpec spec) {
        Algorithm alg = Algorithms.get(spec.model());
        Map<String, String> pipe = new LinkedHashMap<>(), algo = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : spec.params().entrySet()) {
            if (PIPELINE_DEFAULTS.containsKey(e.getKey())) pipe.put(e.getKey(), e.getValue());
            else algo.put(e.getKey(), e.getValue());
        }
        Map<String, String> known = new LinkedHashMap<>(alg.defaults());
        known.putAll(PIPELINE_DEFAULTS);
        for (String k : algo.keySet()) {
            if (!alg.defaults().containsKey(k)) {
                throw new IllegalArgumentException("unknown parameter '" + k + "' for model '" + alg.name() + "' (known: "
                        + String.join(", ", new java.util.TreeSet<>(known.keySet())) + ")");
            }
        }
        Params.of(alg.name(), alg.defaults(), algo);
        if (pipe.containsKey("pca")) parsePca(pipe.get("pca"));
        return new Map[]{pipe, algo};
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
        double[] w = new double[members.size()];
        Arrays.fill(w, 1);
        String ws = spec.params().get("weights");
        if (ws != null) {
            String[] parts = ws.split("[,;]");
            if (parts.length != w.length) throw new IllegalArgumentException("weights has " + parts.length + " values for " + w.length + " members");
            for (int i = 0; i < w.length; i++) {
                try {
                    w[i] = Double.parseDouble(parts[i].strip());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("weights must be numbers, got '" + parts[i] + "'");
                }
                if (!(w[i] >= 0)) throw new IllegalArgumentException("weights must be >= 0, got " + parts[i]);
            }
        }
        List<TabularModel> fitted = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) fitted.add(fit(members.get(i), data, seed + i, threads));
        return new SoftVote(fitted, w);
    }
}
