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
public final class XgboostAlgo implements Algorithm {
    @Override
    public String name() {
        return "xgboost";
    }

    @Override
    public String description() {
        return "XGBoost, hist trees, multi:softprob (xgboost4j)";
    }

    @Override
    public Map<String, String> defaults() {
        return Map.of("rounds", "300", "max_depth", "4", "eta", "0.05", "subsample", "0.8", "colsample", "0.5",
                "min_child_weight", "1", "lambda", "1");
    }

    @Override
    public Map<String, List<String>> grid() {
        return Map.of("max_depth", List.of("3", "6"), "eta", List.of("0.03", "0.1"), "colsample", List.of("0.3", "0.7"));
    }

    @Override
    public VectorModel fit(double[][] x, int[] y, int k, Params p, long seed, int threads) {
        Map<String, Object> params = new HashMap<>();
        params.put("objective", "multi:softprob");
        params.put("num_class", k);
        params.put("tree_method", "hist");
        params.put("max_depth", p.integer("max_depth", 1));
        params.put("eta", p.positive("eta"));
        params.put("subsample", p.positive("subsample"));
        params.put("colsample_bytree", p.positive("colsample"));
        params.put("min_child_weight", p.dbl("min_child_weight"));
        params.put("lambda", p.dbl("lambda"));
        params.put("nthread", threads);
        params.put("seed", seed);
        params.put("verbosity", 0);
        try {
            DMatrix m = new DMatrix(flatten(x), x.length, x[0].length, Float.NaN);
            float[] labels = new float[y.length];
            for (int i = 0; i < y.length; i++) labels[i] = y[i];
            m.setLabel(labels);
            Booster b = XGBoost.train(m, params, p.integer("rounds", 1), Map.of(), null, null);
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
