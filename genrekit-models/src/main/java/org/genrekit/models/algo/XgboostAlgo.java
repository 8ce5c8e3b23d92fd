package org.genrekit.models.algo;

import java.io.IOException;
import java.io.Serial;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.genrekit.models.pipeline.VectorModel;

/** XGBoost gradient boosting (hist trees, softprob). The booster is stored in XGBoost's UBJSON format. */
public final class XgboostAlgo implements Algorithm<XgboostAlgo.Options> {
    static final List<ParamDoc> PARAMS = List.of(
            new ParamDoc("rounds", "300", "boosting rounds, an integer >= 1"),
            new ParamDoc("max_depth", "4", "tree depth, an integer >= 1"),
            new ParamDoc("eta", "0.05", "learning rate, > 0"),
            new ParamDoc("subsample", "0.8", "share of rows each tree sees, in (0, 1]"),
            new ParamDoc("colsample", "0.5", "share of columns each tree sees, in (0, 1]"),
            new ParamDoc("min_child_weight", "1", "least hessian weight in a leaf, >= 0"),
            new ParamDoc("lambda", "1", "L2 penalty on leaf weights, >= 0"));

    public record Options(int rounds, int maxDepth, double eta, double subsample, double colsample, double minChildWeight, double lambda) {
        public static Options of(Map<String, String> params) {
            ParamReader r = ParamReader.of("xgboost", PARAMS, params);
            return new Options(r.integer("rounds", 1), r.integer("max_depth", 1), r.positive("eta"), r.number("subsample", 0, true, 1, false),
                    r.number("colsample", 0, true, 1, false), r.nonNegative("min_child_weight"), r.nonNegative("lambda"));
        }
    }

    @Override
    public String name() {
        return "xgboost";
    }

    @Override
    public String description() {
        return "XGBoost, hist trees, multi:softprob (xgboost4j)";
    }

    @Override
    public List<ParamDoc> params() {
        return PARAMS;
    }

    @Override
    public Options options(Map<String, String> params) {
        return Options.of(params);
    }

    @Override
    public Map<String, List<String>> grid() {
        return Map.of("max_depth", List.of("3", "6"), "eta", List.of("0.03", "0.1"), "colsample", List.of("0.3", "0.7"));
    }

    @Override
    public VectorModel fit(double[][] x, int[] y, int k, Options o, long seed, int threads) {
        Map<String, Object> params = new HashMap<>();
        params.put("objective", "multi:softprob");
        params.put("num_class", k);
        params.put("tree_method", "hist");
        params.put("max_depth", o.maxDepth());
        params.put("eta", o.eta());
        params.put("subsample", o.subsample());
        params.put("colsample_bytree", o.colsample());
        params.put("min_child_weight", o.minChildWeight());
        params.put("lambda", o.lambda());
        params.put("nthread", threads);
        params.put("seed", seed);
        params.put("verbosity", 0);
        try {
            DMatrix m = new DMatrix(flatten(x), x.length, x[0].length, Float.NaN);
            float[] labels = new float[y.length];
            for (int i = 0; i < y.length; i++) labels[i] = y[i];
            m.setLabel(labels);
            Booster b = XGBoost.train(m, params, o.rounds(), Map.of(), null, null);
            byte[] bytes = b.toByteArray("ubj");
            m.dispose();
            b.dispose();
            return new Model(bytes, k);
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost training failed: " + e.getMessage(), e);
        }
    }

    static float[] flatten(double[][] x) {
        int d = x[0].length;
        float[] f = new float[x.length * d];
        for (int i = 0; i < x.length; i++) for (int j = 0; j < d; j++) f[i * d + j] = (float) x[i][j];
        return f;
    }

    static final class Model implements VectorModel {
        @Serial
        private static final long serialVersionUID = 1L;
        private final byte[] booster;
        private final int numClasses;
        private transient Booster loaded;

        Model(byte[] booster, int numClasses) {
            this.booster = booster;
            this.numClasses = numClasses;
        }

        private synchronized Booster booster() {
            if (loaded == null) {
                try {
                    loaded = XGBoost.loadModel(booster);
                } catch (XGBoostError | IOException e) {
                    throw new IllegalStateException("cannot load the XGBoost booster: " + e.getMessage(), e);
                }
            }
            return loaded;
        }

        @Override
        public int numClasses() {
            return numClasses;
        }

        @Override
        public double[] proba(double[] x) {
            float[] row = new float[x.length];
            for (int j = 0; j < x.length; j++) row[j] = (float) x[j];
            try {
                Booster b = booster();
                float[][] out;
                // Booster calls are not documented as thread-safe; serialise them.
                synchronized (this) {
                    out = b.inplace_predict(row, 1, x.length, Float.NaN);
                }
                double[] p = new double[numClasses];
                for (int c = 0; c < numClasses; c++) p[c] = out[0][c];
                return Probabilities.normalise(p);
            } catch (XGBoostError e) {
                throw new IllegalStateException("XGBoost prediction failed: " + e.getMessage(), e);
            }
        }
    }
}
