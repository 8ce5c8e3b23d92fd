package org.genrekit.models.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.stream.Collectors;

/** Soft voting: the weighted mean of its members' probabilities. Members may use different columns. */
public final class SoftVote implements TabularModel {
    private static final long serialVersionUID = 1L;
    private final List<TabularModel> members;
    private final double[] weights;
    private final List<String> columns;
    private final int[][] memberIndex;

    public SoftVote(List<TabularModel> members, double[] weights) {
        if (members.isEmpty()) throw new IllegalArgumentException("an ensemble needs at least one member");
        if (weights.length != members.size()) throw new IllegalArgumentException(weights.length + " weights for " + members.size() + " members");
        this.members = List.copyOf(members);
        this.weights = weights.clone();
        LinkedHashSet<String> all = new LinkedHashSet<>();
        for (TabularModel m : members) {
            all.addAll(m.columns());
            if (m.numClasses() != members.get(0).numClasses()) throw new IllegalArgumentException("members disagree on the number of classes");
        }
        this.columns = List.copyOf(all);
        this.memberIndex = new int[members.size()][];
        for (int i = 0; i < members.size(); i++) {
            List<String> mc = members.get(i).columns();
            memberIndex[i] = mc.stream().mapToInt(columns::indexOf).toArray();
        }
    }

    @Override
    public double[] proba(float[] row) {
        double[] out = new double[numClasses()];
        double wsum = 0;
        for (int i = 0; i < members.size(); i++) {
            float[] r = new float[memberIndex[i].length];
            for (int j = 0; j < r.length; j++) r[j] = row[memberIndex[i][j]];
            double[] p = members.get(i).proba(r);
            for (int c = 0; c < out.length; c++) out[c] += weights[i] * p[c];
            wsum += weights[i];
        }
        for (int c = 0; c < out.length; c++) out[c] /= wsum;
        return out;
    }

    @Override
    public List<String> columns() {
        return columns;
    }

    @Override
    public int numClasses() {
        return members.get(0).numClasses();
    }

    @Override
    public String describe() {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) parts.add(members.get(i).describe() + (weights[i] != 1 ? " *" + weights[i] : ""));
        return parts.stream().collect(Collectors.joining(" | ", "vote(", ")"));
    }
}
