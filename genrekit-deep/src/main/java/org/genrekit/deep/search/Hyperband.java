package org.genrekit.deep.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.genrekit.deep.DeepModel;
import org.genrekit.deep.arch.ArchSpec;
import org.genrekit.deep.input.InputSpec;
import org.genrekit.deep.input.TrackInput;
import org.genrekit.deep.train.DeepTrainer;
import org.genrekit.deep.train.TrainConfig;
import org.genrekit.deep.train.TrainResult;
import org.genrekit.deep.train.TrainingListener;

/**
 * Hyperband (Li et al. 2018): brackets of successive halving. Bracket s starts n configurations
 * with r = R / eta^s epochs each, keeps the best 1/eta, gives them eta times the epochs, and so on
 * until one configuration gets R epochs. Brackets trade many short trials against few long ones.
 * Configurations are drawn from a {@link SearchSpace}; scores are validation accuracy (then loss).
 */
public final class Hyperband {
    /** One trial: a configuration trained for some epochs, and its best validation figures. */
    public record Trial(int bracket, int round, TrainConfig config, int epochs, double validAccuracy, double validLoss, double seconds) {
    }

    /** All trials, and the best configuration at the full budget. */
    public record Outcome(List<Trial> trials, Trial best) {
    }

    private static final System.Logger LOG = System.getLogger(Hyperband.class.getName());
    private final int maxEpochs;
    private final int eta;
    private final Consumer<Trial> onTrial;

    /** @param onTrial told of every finished trial (the application shows them) */
    public Hyperband(int maxEpochs, int eta, Consumer<Trial> onTrial) {
        if (maxEpochs < 1) throw new IllegalArgumentException("maxEpochs must be >= 1, got " + maxEpochs);
        if (eta < 2) throw new IllegalArgumentException("eta must be >= 2, got " + eta);
        this.maxEpochs = maxEpochs;
        this.eta = eta;
        this.onTrial = onTrial;
    }

    /** Number of brackets: s_max + 1 with s_max = floor(log_eta(R)). */
    public int brackets() {
        int s = 0;
        for (long r = eta; r <= maxEpochs; r *= eta) s++;
        return s + 1;
    }

    /** (configurations, epochs) of each round of bracket s. */
    public List<int[]> rounds(int s) {
        int sMax = brackets() - 1;
        int n = (int) Math.ceil((sMax + 1) / (double) (s + 1) * Math.pow(eta, s));
        List<int[]> out = new ArrayList<>();
        for (int i = 0; i <= s; i++) {
            int ni = (int) Math.floor(n * Math.pow(eta, -i));
            int ri = (int) Math.max(1, Math.round(maxEpochs * Math.pow(eta, i - s)));
            out.add(new int[] {Math.max(1, ni), ri});
        }
        return out;
    }

    /** Inputs are per input geometry; all spectrogram architectures share them. */
    public interface Data {
        List<TrackInput> train(InputSpec spec);

        List<TrackInput> valid(InputSpec spec);

        InputSpec spec(TrainConfig cfg);
    }

    public Outcome run(SearchSpace space, List<String> labels, Data data, long seed) throws IOException {
        Random rnd = new Random(seed);
        List<Trial> trials = new ArrayList<>();
        Trial best = null;
        for (int s = brackets() - 1; s >= 0; s--) {
            List<int[]> rounds = rounds(s);
            List<TrainConfig> configs = new ArrayList<>();
            for (int i = 0; i < rounds.getFirst()[0]; i++) configs.add(space.sample(rnd));
            for (int i = 0; i < rounds.size(); i++) {
                int epochs = rounds.get(i)[1];
                List<Trial> scored = new ArrayList<>();
                for (TrainConfig c : configs) {
                    TrainConfig run = c.withEpochs(epochs);
                    InputSpec spec = data.spec(run);
                    TrainResult r = new DeepTrainer(TrainingListener.NONE).train(data.train(spec), data.valid(spec), labels, spec, run, null, false);
                    try (DeepModel m = r.model()) {
                        Trial t = new Trial(s, i, c, epochs, r.bestValidAccuracy(), r.bestValidLoss(), r.seconds());
                        scored.add(t);
                        trials.add(t);
                        LOG.log(System.Logger.Level.DEBUG, "{0}", t);
                        onTrial.accept(t);
                        if (epochs == maxEpochs && (best == null || BETTER.compare(t, best) < 0)) best = t;
                    }
                }
                scored.sort(BETTER);
                int keep = i + 1 < rounds.size() ? rounds.get(i + 1)[0] : 0;
                configs = scored.subList(0, Math.min(keep, scored.size())).stream().map(Trial::config).toList();
            }
        }
        return new Outcome(trials, best);
    }

    static final Comparator<Trial> BETTER = Comparator.comparingDouble((Trial t) -> -t.validAccuracy()).thenComparingDouble(Trial::validLoss);

    /** Where configurations come from. */
    public record SearchSpace(TrainConfig base, List<String> archs, double lrMin, double lrMax, List<Double> dropouts,
                              List<Double> weightDecays, List<Double> mixups) {
        public SearchSpace {
            if (archs.isEmpty()) throw new IllegalArgumentException("search space has no architectures");
            if (!(lrMin > 0 && lrMax >= lrMin)) throw new IllegalArgumentException("need 0 < lrMin <= lrMax, got " + lrMin + ", " + lrMax);
        }

        TrainConfig sample(Random rnd) {
            String arch = archs.get(rnd.nextInt(archs.size()));
            double lr = Math.exp(Math.log(lrMin) + rnd.nextDouble() * (Math.log(lrMax) - Math.log(lrMin)));
            ArchSpec def = ArchSpec.of(arch);
            double drop = dropouts.get(rnd.nextInt(dropouts.size()));
            double wd = weightDecays.get(rnd.nextInt(weightDecays.size()));
            double mix = mixups.get(rnd.nextInt(mixups.size()));
            return base.withArch(new ArchSpec(arch, def.width(), drop)).withLearningRate(lr).withWeightDecay(wd)
                    .withAugment(base.augment().withMixup(mix));
        }
    }
}
