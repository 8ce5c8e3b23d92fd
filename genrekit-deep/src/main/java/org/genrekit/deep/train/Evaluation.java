package org.genrekit.deep.train;

import java.util.List;
import org.genrekit.deep.DeepModel;
import org.genrekit.deep.input.TrackInput;

/** Track-level accuracy, log loss and confusion matrix of a model on labelled tracks. */
public record Evaluation(double accuracy, double logLoss, int[][] confusion) {
    /** @param hop chunk hop in columns (the model's chunk width for non-overlapping chunks) */
    public static Evaluation of(DeepModel model, List<TrackInput> tracks, int hop) {
        int k = model.labels().size();
        int[][] conf = new int[k][k];
        int correct = 0;
        double loss = 0;
        for (TrackInput t : tracks) {
            double[] p = DeepModel.mean(model.chunkProbabilities(t, hop));
            int arg = 0;
            for (int c = 1; c < k; c++) if (p[c] > p[arg]) arg = c;
            conf[t.label()][arg]++;
            if (arg == t.label()) correct++;
            loss -= Math.log(Math.max(1e-7, p[t.label()]));
        }
        return new Evaluation(correct / (double) tracks.size(), loss / tracks.size(), conf);
    }
}
