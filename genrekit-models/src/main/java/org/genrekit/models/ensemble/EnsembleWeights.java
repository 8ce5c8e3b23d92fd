package org.genrekit.models.ensemble;

import java.util.Arrays;

/** The {@code weights=1,2,1} of an ensemble (of pipelines or of bundles): one finite weight &gt;= 0 per member, not all 0. */
public final class EnsembleWeights {
    private EnsembleWeights() {
    }

    /** Equal weights when {@code text} is null; else its comma- or semicolon-separated numbers. */
    public static double[] parse(String text, int members) {
        double[] w = new double[members];
        Arrays.fill(w, 1);
        if (text == null) return w;
        String[] parts = text.split("[,;]", -1);
        if (parts.length != members) {
            throw new IllegalArgumentException("weights has " + parts.length + " values for " + members + " members, got '" + text + "'");
        }
        double sum = 0;
        for (int i = 0; i < members; i++) {
            String p = parts[i].strip();
            try {
                w[i] = Double.parseDouble(p);
            } catch (NumberFormatException e) {
                w[i] = Double.NaN;
            }
            if (!(w[i] >= 0 && Double.isFinite(w[i]))) throw new IllegalArgumentException("weights must be finite numbers >= 0, got '" + p + "'");
            sum += w[i];
        }
        if (sum == 0) throw new IllegalArgumentException("weights must not all be 0, got '" + text + "'");
        return w;
    }
}
