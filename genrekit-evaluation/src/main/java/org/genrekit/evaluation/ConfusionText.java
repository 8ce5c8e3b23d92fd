package org.genrekit.evaluation;

import java.util.List;

/** The confusion matrix as an aligned text table (rows = truth, columns = prediction). */
public final class ConfusionText {
    private ConfusionText() {
    }

    public static String format(List<String> labels, int[][] confusion) {
        int w = 5;
        for (String l : labels) w = Math.max(w, l.length());
        for (int[] row : confusion) for (int v : row) w = Math.max(w, Integer.toString(v).length());
        StringBuilder sb = new StringBuilder();
        sb.append(pad("true\\pred", Math.max(w, 9)));
        for (String l : labels) sb.append(' ').append(pad(l, w));
        sb.append('\n');
        for (int i = 0; i < labels.size(); i++) {
            sb.append(pad(labels.get(i), Math.max(w, 9)));
            for (int j = 0; j < labels.size(); j++) sb.append(' ').append(pad(Integer.toString(confusion[i][j]), w));
            sb.append('\n');
        }
        return sb.toString();
    }

    private static String pad(String s, int w) {
        return " ".repeat(Math.max(0, w - s.length())) + s;
    }
}
