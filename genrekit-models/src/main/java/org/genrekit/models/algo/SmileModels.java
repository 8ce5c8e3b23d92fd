package org.genrekit.models.algo;

import smile.classification.Classifier;
import smile.classification.DataFrameClassifier;
import smile.data.DataFrame;
import smile.data.Tuple;
import smile.data.formula.Formula;
import smile.data.type.StructType;
import smile.data.vector.ValueVector;
import org.genrekit.models.pipeline.VectorModel;

/** Adapters from Smile's soft classifiers to {@link VectorModel}. */
final class SmileModels {
    private SmileModels() {
    }

    static String[] names(int d) {
        String[] n = new String[d];
        for (int j = 0; j < d; j++) n[j] = "x" + j;
        return n;
    }

    /** A data frame of the columns x0..x(d-1) plus the response column "y". */
    static DataFrame frame(double[][] x, int[] y) {
        return DataFrame.of(x, names(x[0].length)).add(ValueVector.of("y", y));
    }

    static Formula formula() {
        return Formula.lhs("y");
    }

    /** Spreads Smile's posteriori (indexed by the classes it saw) over all k classes. */
    static double[] spread(double[] post, int[] classes, int k) {
        double[] p = new double[k];
        for (int i = 0; i < classes.length && i < post.length; i++) p[classes[i]] = post[i];
        return Probabilities.normalise(p);
    }

    record Vectors(Classifier<double[]> clf, int numClasses) implements VectorModel {
        @Override
        public double[] proba(double[] x) {
            double[] post = new double[clf.numClasses()];
            clf.predict(x, post);
            return spread(post, clf.classes(), numClasses);
        }
    }

    record Frame(DataFrameClassifier clf, StructType schema, int numClasses) implements VectorModel {
        static Frame of(DataFrameClassifier clf, int d, int k) {
            return new Frame(clf, DataFrame.of(new double[1][d], names(d)).schema(), k);
        }

        @Override
        public double[] proba(double[] x) {
            double[] post = new double[clf.numClasses()];
            clf.predict(Tuple.of(schema, x), post);
            return spread(post, clf.classes(), numClasses);
        }
    }
}
