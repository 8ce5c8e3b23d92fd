package org.genrekit.data.table;

import java.util.Arrays;
import org.genrekit.data.VectorDataset;

/** Replaces every non-finite value by the median of its column's finite values (what {@code --missing median} asks for). */
public final class MedianImputer {
    /** The imputed dataset and how many values were replaced. */
    public record Result(VectorDataset data, int imputed) {
    }

    private MedianImputer() {
    }

    /** New rows where a row had a non-finite value (the input's rows are shared, never written). */
    public static Result impute(VectorDataset ds) {
        int d = ds.dimension();
        float[][] x = ds.x();
        float[] median = new float[d];
        boolean[] needed = new boolean[d];
        for (float[] row : x) for (int j = 0; j < d; j++) needed[j] |= !Float.isFinite(row[j]);
        for (int j = 0; j < d; j++) if (needed[j]) median[j] = median(x, j, ds.columns().get(j));
        float[][] out = x.clone();
        int count = 0;
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < d; j++) {
                if (!Float.isFinite(x[i][j])) {
                    if (out[i] == x[i]) out[i] = x[i].clone();
                    out[i][j] = median[j];
                    count++;
                }
            }
        }
        if (count == 0) return new Result(ds, 0);
        return new Result(new VectorDataset(ds.ids(), ds.labels(), ds.columns(), out, ds.groups()), count);
    }

    private static float median(float[][] x, int j, String column) {
        float[] v = new float[x.length];
        int n = 0;
        for (float[] row : x) if (Float.isFinite(row[j])) v[n++] = row[j];
        if (n == 0) throw new IllegalArgumentException("column '" + column + "' has no finite value to take a median of");
        Arrays.sort(v, 0, n);
        return n % 2 == 1 ? v[n / 2] : (float) ((v[n / 2 - 1] + (double) v[n / 2]) / 2);
    }
}
