package org.genrekit.deep.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.genrekit.core.io.AtomicFiles;
import org.genrekit.data.TrackIds;
import org.genrekit.deep.input.InputSpec;
import org.genrekit.deep.input.TrackInput;
import org.genrekit.evaluation.CvSummary;
import org.genrekit.models.train.StratifiedFolds;

/**
 * Grouped k-fold cross-validation of a deep training configuration, with the epoch chosen where the
 * score is not read: for each outer fold, the other folds are split again (stratified, grouped the
 * same way, {@link #INNER_FRACTION} held out), the network trains on the inner training part with
 * early stopping and best-epoch selection on the inner validation part, and the chosen epoch's
 * network is scored on the outer fold, which took no part in any choice. Groups are artists where
 * known (a track of unknown artist is its own group), else tracks.
 */
public final class DeepCrossValidation {
    private static final System.Logger LOG = System.getLogger(DeepCrossValidation.class.getName());

    /** Share of each outer training part held out to choose the epoch. */
    public static final double INNER_FRACTION = 0.2;

    /**
     * One outer fold.
     *
     * @param trainTracks      inner training tracks
     * @param innerValidTracks tracks that chose the epoch
     * @param testTracks       outer-fold tracks scored
     * @param bestEpoch        the epoch chosen on the inner validation part
     * @param innerValidAccuracy accuracy at that epoch on the inner validation part (it chose the epoch: optimistic)
     * @param testAccuracy     accuracy on the outer fold (the figure)
     */
    public record Fold(int fold, int trainTracks, int innerValidTracks, int testTracks, int bestEpoch, int epochsRun,
                       double innerValidAccuracy, double testAccuracy, double testLoss, double seconds) {
    }

    /**
     * @param grouping {@code artist} when some track's artist is known, else {@code track}
     * @param accuracy the outer folds' accuracies, mean ± standard error
     */
    public record Result(String grouping, int groups, List<Fold> folds, CvSummary accuracy) {
    }

    private DeepCrossValidation() {
    }

    /**
     * @param inputs  every track (ids are file paths or clip ids; the track id is {@link TrackIds#of} of it)
     * @param artists artist per input, null where unknown; null for none known
     * @param report  written after each fold (partial results survive an interrupted run); null for none
     */
    public static Result run(List<TrackInput> inputs, List<String> artists, List<String> labels, InputSpec spec, TrainConfig cfg,
                             int k, TrainingListener listener, Path report) throws IOException {
        if (k < 2) throw new IllegalArgumentException("--cv must be >= 2 folds, got " + k);
        if (artists != null && artists.size() != inputs.size()) throw new IllegalArgumentException("artists has " + artists.size() + " entries for " + inputs.size() + " tracks");
        int n = inputs.size();
        int[] y = new int[n];
        String[] ids = new String[n], groups = new String[n];
        boolean grouped = artists != null && artists.stream().anyMatch(a -> a != null);
        for (int i = 0; i < n; i++) {
            TrackInput t = inputs.get(i);
            if (t.label() < 0) throw new IllegalArgumentException("track " + t.id() + " has no label");
            y[i] = t.label();
            ids[i] = TrackIds.of(t.id());
            String a = grouped ? artists.get(i) : null;
            groups[i] = a == null ? (grouped ? "track:" + ids[i] : ids[i]) : "artist:" + a;
        }
        String grouping = grouped ? "artist" : "track";
        int nGroups = new java.util.HashSet<>(List.of(groups)).size();
        List<Plan> plans = plan(y, ids, groups, k, cfg.seed());
        List<Fold> done = new ArrayList<>();
        for (int f = 0; f < k; f++) {
            Plan p = plans.get(f);
            List<TrackInput> tr = select(inputs, p.train()), va = select(inputs, p.innerValid()), te = select(inputs, p.test());
            listener.foldStarted(f, k, grouping, tr.size(), va.size(), te.size());
            long t0 = System.nanoTime();
            TrainResult r = new DeepTrainer(listener).train(tr, va, labels, spec, cfg, null, false);
            Scores score;
            try (var model = r.model()) {
                score = Scores.of(model, te);
            }
            Fold fr = new Fold(f, tr.size(), va.size(), te.size(), r.bestEpoch(), r.history().size(), r.bestValidAccuracy(),
                    score.accuracy(), score.logLoss(), (System.nanoTime() - t0) / 1e9);
            done.add(fr);
            LOG.log(System.Logger.Level.DEBUG, "fold " + f + " done: " + fr);
            listener.foldFinished(fr, k);
            if (report != null) write(report, grouping, nGroups, k, cfg, done);
        }
        double[] acc = done.stream().mapToDouble(Fold::testAccuracy).toArray();
        return new Result(grouping, nGroups, List.copyOf(done), CvSummary.of(acc));
    }

    private static void write(Path report, String grouping, int groups, int k, TrainConfig cfg, List<Fold> done) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("grouping", grouping);
        m.put("groups", groups);
        m.put("folds_planned", k);
        m.put("inner_fraction", INNER_FRACTION);
        if (done.size() == k) {
            CvSummary s = CvSummary.of(done.stream().mapToDouble(Fold::testAccuracy).toArray());
            m.put("accuracy_mean", s.mean());
            m.put("accuracy_se", s.se());
            m.put("accuracy_std", s.std());
        }
        m.put("folds", done);
        m.put("config", cfg);
        AtomicFiles.write(report, DeepTrainer.JSON.writeValueAsBytes(m));
    }

    /** Rows of one outer fold: inner training, inner validation (chooses the epoch), test (scored). */
    public record Plan(int[] train, int[] innerValid, int[] test) {
    }

    /** The folds {@link #run} uses: grouped stratified outer folds, and in each training part a grouped stratified inner hold-out. */
    public static List<Plan> plan(int[] y, String[] ids, String[] groups, int k, long seed) {
        int[] fold = StratifiedFolds.assign(y, ids, groups, k, seed);
        List<Plan> out = new ArrayList<>();
        for (int f = 0; f < k; f++) {
            int[] outerTrain = StratifiedFolds.rows(fold, f, false);
            int[][] inner = StratifiedFolds.holdOut(pick(y, outerTrain), pick(ids, outerTrain), pick(groups, outerTrain), INNER_FRACTION, seed + f);
            out.add(new Plan(pick(outerTrain, inner[1]), pick(outerTrain, inner[0]), StratifiedFolds.rows(fold, f, true)));
        }
        return out;
    }

    private static int[] pick(int[] a, int[] rows) {
        int[] out = new int[rows.length];
        for (int i = 0; i < rows.length; i++) out[i] = a[rows[i]];
        return out;
    }

    private static String[] pick(String[] a, int[] rows) {
        String[] out = new String[rows.length];
        for (int i = 0; i < rows.length; i++) out[i] = a[rows[i]];
        return out;
    }

    private static List<TrackInput> select(List<TrackInput> inputs, int[] rows) {
        List<TrackInput> out = new ArrayList<>(rows.length);
        for (int i : rows) out.add(inputs.get(i));
        return out;
    }
}
