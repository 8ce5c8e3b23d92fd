package org.genrekit.models.algo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Random;
import org.genrekit.models.pipeline.VectorModel;
import org.junit.jupiter.api.Test;

class LinearModelsTest {
    private static double[][] gaussians(int perClass, int k, int d, long seed, int[] yOut) {
        Random r = new Random(seed);
        double[][] x = new double[perClass * k][d];
        for (int i = 0; i < x.length; i++) {
            yOut[i] = i % k;
            for (int j = 0; j < d; j++) x[i][j] = r.nextGaussian() + (j == yOut[i] % d ? 1.5 : 0);
        }
        return x;
    }

    @Test
    void softmaxRegressionDoesNotDependOnWhichClassIsLast() {
        // Smile's multinomial model pins the last class at 0 and shrinks the others towards it, so
        // relabelling the classes changes its predictions; the symmetric form must not care.
        int k = 3;
        int[] y = new int[90];
        double[][] x = gaussians(30, k, 4, 7, y);
        int[] perm = {2, 0, 1};
        int[] yp = new int[y.length];
        for (int i = 0; i < y.length; i++) yp[i] = perm[y[i]];
        VectorModel a = SoftmaxRegression.fit(x, y, k, 5, 1e-8, 1000);
        VectorModel b = SoftmaxRegression.fit(x, yp, k, 5, 1e-8, 1000);
        double[] probe = {0.3, -0.2, 1.1, 0.4};
        double[] pa = a.proba(probe), pb = b.proba(probe);
        for (int c = 0; c < k; c++) assertEquals(pa[c], pb[perm[c]], 1e-4, "class " + c);
    }

    @Test
    void softmaxRegressionWithHugePenaltyPredictsTheUnpenalisedPriors() {
        // Weights shrink to 0 but intercepts are not penalised: the posterior becomes the class frequencies.
        double[][] x = new double[60][];
        int[] y = new int[60];
        Random r = new Random(3);
        for (int i = 0; i < 60; i++) {
            y[i] = i < 10 ? 0 : i < 30 ? 1 : 2;
            x[i] = new double[]{r.nextGaussian() + y[i], r.nextGaussian()};
        }
        double[] p = SoftmaxRegression.fit(x, y, 3, 1e7, 1e-10, 1000).proba(new double[]{5, -5});
        assertArrayEquals(new double[]{1 / 6.0, 2 / 6.0, 3 / 6.0}, p, 1e-3);
    }

    @Test
    void ldaMatchesTheClosedFormOneDimensionalDiscriminant() {
        // Classes {-2, 0} and {0, 2}: means -1 and 1, pooled variance 1, so log-odds(x) = 2x.
        double[][] x = {{-2}, {0}, {0}, {2}};
        int[] y = {0, 0, 1, 1};
        for (String s : new String[]{"0", "0.5"}) { // in 1-D shrinkage towards trace/d * I changes nothing
            VectorModel m = new ShrinkageLda().fit(x, y, 2, ShrinkageLda.Options.of(Map.of("shrinkage", s)), 1, 1);
            assertEquals(1 / (1 + Math.exp(-1)), m.proba(new double[]{0.5})[1], 1e-9);
            assertEquals(0.5, m.proba(new double[]{0})[1], 1e-9);
        }
    }
}
