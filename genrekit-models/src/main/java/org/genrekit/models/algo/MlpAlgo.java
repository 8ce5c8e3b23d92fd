package org.genrekit.models.algo;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.genrekit.models.pipeline.VectorModel;

/**
 * A multilayer perceptron: ReLU hidden layers, softmax output, cross-entropy with L2 penalty,
 * trained by Adam on mini-batches (as scikit-learn's MLPClassifier). {@code bag} &gt; 1 trains that
 * many nets from different seeds and averages them, which steadies a small-data MLP.
 */
public final class MlpAlgo implements Algorithm<MlpAlgo.Options> {
    static final List<ParamDoc> PARAMS = List.of(
            new ParamDoc("hidden", "256", "hidden layer sizes, integers >= 1 separated by commas (512,128: two layers)"),
            new ParamDoc("alpha", "0.01", "L2 penalty, >= 0"),
            new ParamDoc("lr", "0.001", "Adam learning rate, > 0"),
            new ParamDoc("epochs", "200", "passes over the data, an integer >= 1"),
            new ParamDoc("batch", "32", "rows per mini-batch, an integer >= 1"),
            new ParamDoc("bag", "1", "nets trained from different seeds and averaged, an integer >= 1"),
            new ParamDoc("dropout", "0.2", "share of hidden units dropped while training, in [0, 1)"));

    public record Options(List<Integer> hidden, double alpha, double lr, int epochs, int batch, int bag, double dropout) {
        public Options {
            hidden = List.copyOf(hidden);
        }

        public static Options of(Map<String, String> params) {
            ParamReader r = ParamReader.of("mlp", PARAMS, params);
            List<Integer> hidden = new java.util.ArrayList<>();
            for (String s : r.text("hidden").split(",", -1)) {
                int h;
                try {
                    h = Integer.parseInt(s.strip());
                } catch (NumberFormatException e) {
                    h = 0;
                }
                if (h < 1) throw r.bad("hidden", "integers >= 1 separated by commas", r.text("hidden"));
                hidden.add(h);
            }
            return new Options(hidden, r.nonNegative("alpha"), r.positive("lr"), r.integer("epochs", 1), r.integer("batch", 1),
                    r.integer("bag", 1), r.number("dropout", 0, false, 1, true));
        }
    }

    @Override
    public String name() {
        return "mlp";
    }

    @Override
    public String description() {
        return "multilayer perceptron, ReLU, softmax, Adam, L2; optional bagging of seeds";
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
        return Map.of("hidden", List.of("128", "256", "512,128"), "alpha", List.of("0.001", "0.01", "0.1"), "dropout", List.of("0", "0.3"));
    }

    @Override
    public VectorModel fit(double[][] x, int[] y, int k, Options o, long seed, int threads) {
        int[] hidden = o.hidden().stream().mapToInt(Integer::intValue).toArray();
        int bag = o.bag();
        Net[] nets = new Net[bag];
        for (int b = 0; b < bag; b++) {
            nets[b] = Net.train(x, y, k, hidden, o.alpha(), o.lr(), o.dropout(), o.epochs(), o.batch(), seed + 7919L * b);
        }
        return new Model(nets, k);
    }

    record Model(Net[] nets, int numClasses) implements VectorModel {
        @Override
        public double[] proba(double[] x) {
            double[] p = new double[numClasses];
            for (Net n : nets) {
                double[] q = n.forward(x);
                for (int c = 0; c < numClasses; c++) p[c] += q[c] / nets.length;
            }
            return p;
        }
    }

    /** Weights per layer: w[l][out][in], b[l][out]. */
    record Net(double[][][] w, double[][] b) implements java.io.Serializable {
        double[] forward(double[] x) {
            double[] a = x;
            for (int l = 0; l < w.length; l++) {
                double[] z = affine(l, a);
                if (l < w.length - 1) for (int i = 0; i < z.length; i++) z[i] = Math.max(0, z[i]);
                a = z;
            }
            return Probabilities.softmax(a);
        }

        private double[] affine(int l, double[] a) {
            double[][] wl = w[l];
            double[] z = new double[wl.length];
            for (int o = 0; o < wl.length; o++) {
                double s = b[l][o];
                double[] row = wl[o];
                for (int i = 0; i < a.length; i++) s += row[i] * a[i];
                z[o] = s;
            }
            return z;
        }

        static Net train(double[][] x, int[] y, int k, int[] hidden, double alpha, double lr, double dropout,
                         int epochs, int batch, long seed) {
            SplittableRandom rnd = new SplittableRandom(seed);
            int layers = hidden.length + 1;
            int[] sizes = new int[layers + 1];
            sizes[0] = x[0].length;
            System.arraycopy(hidden, 0, sizes, 1, hidden.length);
            sizes[layers] = k;
            double[][][] w = new double[layers][][];
            double[][] b = new double[layers][];
            for (int l = 0; l < layers; l++) {
                // Glorot-uniform initialisation, as scikit-learn does.
                double lim = Math.sqrt(6.0 / (sizes[l] + sizes[l + 1]));
                w[l] = new double[sizes[l + 1]][sizes[l]];
                b[l] = new double[sizes[l + 1]];
                for (double[] row : w[l]) for (int i = 0; i < row.length; i++) row[i] = (rnd.nextDouble() * 2 - 1) * lim;
            }
            Adam adam = new Adam(w, b, lr);
            int n = x.length;
            int[] order = new int[n];
            for (int i = 0; i < n; i++) order[i] = i;
            double[][][] gw = zeros(w);
            double[][] gb = new double[layers][];
            for (int l = 0; l < layers; l++) gb[l] = new double[b[l].length];
            double[][] act = new double[layers + 1][];
            boolean[][] keep = new boolean[layers][];
            for (int epoch = 0; epoch < epochs; epoch++) {
                for (int i = n - 1; i > 0; i--) {
                    int j = rnd.nextInt(i + 1);
                    int t = order[i]; order[i] = order[j]; order[j] = t;
                }
                for (int start = 0; start < n; start += batch) {
                    int end = Math.min(n, start + batch);
                    for (double[][] g : gw) for (double[] r : g) Arrays.fill(r, 0);
                    for (double[] g : gb) Arrays.fill(g, 0);
                    for (int s = start; s < end; s++) {
                        int idx = order[s];
                        act[0] = x[idx];
                        for (int l = 0; l < layers; l++) {
                            double[] z = new double[w[l].length];
                            for (int o = 0; o < z.length; o++) {
                                double v = b[l][o];
                                double[] row = w[l][o];
                                double[] a = act[l];
                                for (int i = 0; i < a.length; i++) v += row[i] * a[i];
                                z[o] = v;
                            }
                            if (l < layers - 1) {
                                keep[l] = new boolean[z.length];
                                for (int o = 0; o < z.length; o++) {
                                    boolean kept = dropout == 0 || rnd.nextDouble() >= dropout;
                                    keep[l][o] = kept && z[o] > 0;
                                    // Inverted dropout: scale at training time so inference needs no change.
                                    z[o] = keep[l][o] ? z[o] / (1 - dropout) : 0;
                                }
                            } else {
                                Probabilities.softmax(z);
                            }
                            act[l + 1] = z;
                        }
                        double[] delta = act[layers].clone();
                        delta[y[idx]] -= 1;
                        for (int l = layers - 1; l >= 0; l--) {
                            double[] a = act[l];
                            for (int o = 0; o < delta.length; o++) {
                                double dv = delta[o];
                                if (dv == 0) continue;
                                gb[l][o] += dv;
                                double[] g = gw[l][o];
                                for (int i = 0; i < a.length; i++) g[i] += dv * a[i];
                            }
                            if (l > 0) {
                                double[] prev = new double[a.length];
                                for (int o = 0; o < delta.length; o++) {
                                    double dv = delta[o];
                                    if (dv == 0) continue;
                                    double[] row = w[l][o];
                                    for (int i = 0; i < prev.length; i++) prev[i] += dv * row[i];
                                }
                                for (int i = 0; i < prev.length; i++) prev[i] = keep[l - 1][i] ? prev[i] / (1 - dropout) : 0;
                                delta = prev;
                            }
                        }
                    }
                    int m = end - start;
                    for (int l = 0; l < layers; l++) {
                        for (int o = 0; o < gw[l].length; o++) {
                            for (int i = 0; i < gw[l][o].length; i++) gw[l][o][i] = (gw[l][o][i] + alpha * w[l][o][i]) / m;
                            gb[l][o] /= m;
                        }
                    }
                    adam.step(gw, gb);
                }
            }
            return new Net(w, b);
        }

        private static double[][][] zeros(double[][][] w) {
            double[][][] z = new double[w.length][][];
            for (int l = 0; l < w.length; l++) z[l] = new double[w[l].length][w[l][0].length];
            return z;
        }
    }

    /** Adam optimiser state over the same shapes as the weights. */
    static final class Adam {
        private final double[][][] w, mw, vw;
        private final double[][] b, mb, vb;
        private final double lr;
        private int t;

        Adam(double[][][] w, double[][] b, double lr) {
            this.w = w;
            this.b = b;
            this.lr = lr;
            this.mw = Net.zeros(w);
            this.vw = Net.zeros(w);
            this.mb = new double[b.length][];
            this.vb = new double[b.length][];
            for (int l = 0; l < b.length; l++) {
                mb[l] = new double[b[l].length];
                vb[l] = new double[b[l].length];
            }
        }

        void step(double[][][] gw, double[][] gb) {
            t++;
            double b1 = 0.9, b2 = 0.999, eps = 1e-8;
            double c1 = 1 - Math.pow(b1, t), c2 = 1 - Math.pow(b2, t);
            double a = lr * Math.sqrt(c2) / c1;
            for (int l = 0; l < w.length; l++) {
                for (int o = 0; o < w[l].length; o++) {
                    double[] wr = w[l][o], g = gw[l][o], m = mw[l][o], v = vw[l][o];
                    for (int i = 0; i < wr.length; i++) {
                        m[i] = b1 * m[i] + (1 - b1) * g[i];
                        v[i] = b2 * v[i] + (1 - b2) * g[i] * g[i];
                        wr[i] -= a * m[i] / (Math.sqrt(v[i]) + eps);
                    }
                    mb[l][o] = b1 * mb[l][o] + (1 - b1) * gb[l][o];
                    vb[l][o] = b2 * vb[l][o] + (1 - b2) * gb[l][o] * gb[l][o];
                    b[l][o] -= a * mb[l][o] / (Math.sqrt(vb[l][o]) + eps);
                }
            }
        }
    }
}
