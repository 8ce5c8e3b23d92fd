package org.genrekit.models.eval;

import java.util.ArrayList;
import java.util.List;
import org.genrekit.models.GenreClassifier;
import org.genrekit.models.classical.ClassicalClassifier;
import org.genrekit.models.ensemble.BundleEnsemble;

/**
 * Probabilities of a classifier for feature-table rows: a classical pipeline maps the table's
 * columns by name; a bundle ensemble of classical members averages theirs (labels by name).
 * Models that need audio (deep) cannot score a table.
 */
public interface TableScorer {
    /** Probabilities in the classifier's label order for one table row. */
    double[] proba(float[] row);

    static TableScorer of(GenreClassifier clf, List<String> tableColumns) {
        if (clf instanceof ClassicalClassifier cc) {
            List<String> cols = cc.model().columns();
            int[] idx = new int[cols.size()];
            for (int j = 0; j < idx.length; j++) {
                idx[j] = tableColumns.indexOf(cols.get(j));
                if (idx[j] < 0) throw new IllegalArgumentException("the data has no column '" + cols.get(j) + "' that model " + clf.name() + " needs");
            }
            return row -> {
                float[] r = new float[idx.length];
                for (int j = 0; j < idx.length; j++) r[j] = row[idx[j]];
                return cc.proba(r);
            };
        }
        if (clf instanceof BundleEnsemble be) {
            List<TableScorer> members = new ArrayList<>();
            for (GenreClassifier m : be.members()) members.add(of(m, tableColumns));
            double[] w = be.weights();
            return row -> {
                double[] p = new double[clf.labels().size()];
                double wsum = 0;
                for (int i = 0; i < members.size(); i++) {
                    double[] q = members.get(i).proba(row);
                    List<String> ml = be.members().get(i).labels();
                    for (int c = 0; c < q.length; c++) p[clf.labels().indexOf(ml.get(c))] += w[i] * q[c];
                    wsum += w[i];
                }
                for (int c = 0; c < p.length; c++) p[c] /= wsum;
                return p;
            };
        }
        throw new IllegalArgumentException("model " + clf.name() + " (" + clf.getClass().getSimpleName()
                + ") works on audio, not on feature vectors; evaluate it on an audio spec (gtzan:DIR, a folder or a manifest), not on a feature table");
    }
}
