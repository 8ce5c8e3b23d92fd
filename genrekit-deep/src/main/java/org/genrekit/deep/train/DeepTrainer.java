package org.genrekit.deep.train;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.SoftmaxCrossEntropyLoss;
import ai.djl.training.optimizer.Adam;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.ParameterTracker;
import ai.djl.training.tracker.Tracker;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.ArrayDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.genrekit.core.io.AtomicFiles;
import org.genrekit.deep.DeepModel;
import org.genrekit.backbone.Engines;
import org.genrekit.deep.arch.ArchSpec.InputKind;
import org.genrekit.deep.input.InputSpec;
import org.genrekit.deep.input.Normalizer;
import org.genrekit.deep.input.TrackInput;
import org.genrekit.deep.train.BatchBuilder.Batch;
import org.genrekit.deep.train.BatchBuilder.Pick;

/**
 * Mini-batch training with a seeded shuffle, random crops, AdamW/Adam and a learning-rate schedule,
 * track-level validation after each epoch, early stopping, and checkpoints (the last and the best
 * epoch) from which an interrupted run resumes. Batches are built on other threads while the
 * engine computes, and reach the engine as one array each.
 */
public final class DeepTrainer {
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final int LOOKAHEAD = 4;

    private static final System.Logger LOG = System.getLogger(DeepTrainer.class.getName());

    private final TrainingListener listener;

    /** @param listener told of every epoch and step (searches and tests pass {@link TrainingListener#NONE}) */
    public DeepTrainer(TrainingListener listener) {
        this.listener = listener;
    }

    /**
     * Trains a network.
     *
     * @param checkpoints directory for state.json, last.params and best.params (created); null for none
     * @param resume      continue from the checkpoint in {@code checkpoints} (which must exist and match the config)
     */
    public TrainResult train(List<TrackInput> train, List<TrackInput> valid, List<String> labels, InputSpec input,
                             TrainConfig cfg, Path checkpoints, boolean resume) throws IOException {
        if (train.isEmpty()) throw new IllegalArgumentException("no training tracks");
        if (valid.isEmpty()) throw new IllegalArgumentException("no validation tracks (early stopping and model selection need them)");
        for (TrackInput t : train) {
            if (t.label() < 0 || t.label() >= labels.size()) throw new IllegalArgumentException("track " + t.id() + " has no valid label");
            if (t.rows() != input.rows()) throw new IllegalArgumentException("track " + t.id() + " has " + t.rows() + " rows, expected " + input.rows());
        }
        Engines.configure(cfg.threads());
        Device device = Engines.device(cfg.device());
        String configJson = JSON.writeValueAsString(cfg);
        CheckpointState state = null;
        if (resume) {
            if (checkpoints == null || !Files.exists(checkpoints.resolve("state.json"))) {
                throw new IOException("--resume: no checkpoint at " + (checkpoints == null ? "(none)" : checkpoints.resolve("state.json")));
            }
            state = JSON.readValue(checkpoints.resolve("state.json").toFile(), CheckpointState.class);
            if (!JSON.readTree(state.config()).equals(JSON.readTree(configJson))) {
                throw new IOException("--resume: " + checkpoints + " was made with a different configuration: " + state.config());
            }
        } else if (checkpoints != null) {
            Files.createDirectories(checkpoints);
            for (String f : List.of("state.json", "last.params", "best.params")) Files.deleteIfExists(checkpoints.resolve(f));
        }

        Normalizer norm = input.kind().preNormalised() ? Normalizer.identity(input.rows()) : Normalizer.fit(train);
        DeepModel model = DeepModel.create(cfg.arch(), labels, input, norm, device);
        Engine.getEngine(Engines.ENGINE).setRandomSeed((int) cfg.seed());
        if (state != null) model.readParameters(Files.readAllBytes(checkpoints.resolve("last.params")));

        boolean chunked = input.kind().chunked();
        int crops = chunked ? cfg.cropsPerTrack() : 1;
        int stepsPerEpoch = Math.max(1, (train.size() * crops) / cfg.batchSize());
        int firstEpoch = state == null ? 1 : state.epoch() + 1;
        Tracker lr = schedule(cfg, stepsPerEpoch, (firstEpoch - 1) * stepsPerEpoch);
        ParameterTracker rates = LearningRates.of(lr, model, cfg);
        Optimizer opt = cfg.optimizer().equals("adamw")
                ? Optimizer.adamW().optLearningRateTracker(rates).optWeightDecays((float) cfg.weightDecay()).build()
                : Adam.builder().optLearningRateTracker(rates).optWeightDecays((float) cfg.weightDecay()).build();
        DefaultTrainingConfig tc = new DefaultTrainingConfig(new SoftmaxCrossEntropyLoss("loss", 1f, -1, false, true))
                .optOptimizer(opt).optDevices(new Device[] {device});

        List<EpochStats> history = new ArrayList<>(state == null ? List.of() : state.history());
        int bestEpoch = state == null ? 0 : state.bestEpoch();
        double bestAcc = state == null ? -1 : state.bestValidAccuracy();
        double bestLoss = state == null ? Double.POSITIVE_INFINITY : state.bestValidLoss();
        int sinceBest = state == null ? 0 : state.sinceBest();
        boolean stoppedEarly = false;
        byte[] bestParams = null; // the best epoch's parameters when no checkpoint folder holds them
        long t0 = System.nanoTime();
        double before = history.stream().mapToDouble(EpochStats::seconds).sum();
        BatchBuilder builder = new BatchBuilder(train, norm, input.rows(), input.width(), labels.size(), input.kind() == InputKind.SPECTROGRAM);
        int builders = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors() - 1));
        ExecutorService pool = Executors.newFixedThreadPool(builders, r -> {
            Thread t = new Thread(r, "genrekit-batches");
            t.setDaemon(true);
            return t;
        });
        try (Trainer trainer = model.djlModel().newTrainer(tc)) {
            trainer.initialize(model.inputShape(1));
            if (state != null) {
                // initialize() keeps already-loaded parameters; check it did, since a silent re-init would waste the resume.
                byte[] now = model.writeParameters();
                if (!java.util.Arrays.equals(now, Files.readAllBytes(checkpoints.resolve("last.params")))) {
                    throw new IllegalStateException("resumed parameters were overwritten at initialisation");
                }
                LOG.log(System.Logger.Level.DEBUG, "resuming at epoch {0} of {1} from {2}", firstEpoch, cfg.epochs(), checkpoints);
                listener.resumed(firstEpoch, cfg.epochs());
            }
            for (int epoch = firstEpoch; epoch <= cfg.epochs(); epoch++) {
                long e0 = System.nanoTime();
                List<Pick> picks = picks(train, input, crops, new Random(cfg.seed() * 1_000_003L + epoch));
                listener.epochStarted(epoch, cfg.epochs(), stepsPerEpoch);
                double lossSum = 0;
                long correct = 0, seen = 0;
                ArrayDeque<Future<Batch>> queue = new ArrayDeque<>();
                int next = 0, done = 0;
                while (done < stepsPerEpoch) {
                    while (next < stepsPerEpoch && queue.size() < LOOKAHEAD) {
                        List<Pick> slice = picks.subList(next * cfg.batchSize(), Math.min(picks.size(), (next + 1) * cfg.batchSize()));
                        Random rnd = new Random(cfg.seed() * 7_919L + epoch * 100_003L + next);
                        queue.add(pool.submit(() -> builder.build(slice, cfg.augment(), rnd)));
                        next++;
                    }
                    Batch b = take(queue.poll());
                    try (NDManager m = trainer.getManager().newSubManager()) {
                        NDArray x = m.create(b.x(), model.inputShape(b.n()));
                        NDArray y = m.create(b.y(), new ai.djl.ndarray.types.Shape(b.n(), labels.size()));
                        try (GradientCollector gc = trainer.newGradientCollector()) {
                            NDList pred = trainer.forward(new NDList(x));
                            NDArray loss = trainer.getLoss().evaluate(new NDList(y), pred);
                            gc.backward(loss);
                            lossSum += loss.getFloat() * b.n();
                            int[] arg = pred.singletonOrThrow().argMax(1).toType(ai.djl.ndarray.types.DataType.INT32, false).toIntArray();
                            for (int i = 0; i < b.n(); i++) if (arg[i] == b.hard()[i]) correct++;
                            seen += b.n();
                        }
                        trainer.step();
                    }
                    done++;
                    listener.stepFinished(lossSum / seen, correct / (double) seen);
                }
                Scores val = Scores.of(model, valid);
                double secs = (System.nanoTime() - e0) / 1e9;
                EpochStats es = new EpochStats(epoch, lossSum / seen, correct / (double) seen, val.logLoss(), val.accuracy(),
                        lr.getNewValue(epoch * stepsPerEpoch - 1 - (firstEpoch - 1) * stepsPerEpoch), secs);
                history.add(es);
                boolean better = val.accuracy() > bestAcc || (val.accuracy() == bestAcc && val.logLoss() < bestLoss);
                if (better) {
                    bestAcc = val.accuracy();
                    bestLoss = val.logLoss();
                    bestEpoch = epoch;
                    sinceBest = 0;
                } else {
                    sinceBest++;
                }
                if (checkpoints != null) {
                    byte[] params = model.writeParameters();
                    if (better) AtomicFiles.write(checkpoints.resolve("best.params"), params);
                    AtomicFiles.write(checkpoints.resolve("last.params"), params);
                    AtomicFiles.write(checkpoints.resolve("state.json"), JSON.writeValueAsBytes(
                            new CheckpointState(configJson, epoch, history, bestEpoch, bestAcc, bestLoss, sinceBest)));
                } else if (better) {
                    bestParams = model.writeParameters();
                }
                LOG.log(System.Logger.Level.DEBUG, "{0}", es);
                listener.epochFinished(es, cfg.epochs(), better);
                if (cfg.patience() > 0 && sinceBest >= cfg.patience() && epoch < cfg.epochs()) {
                    stoppedEarly = true;
                    listener.stoppedEarly(cfg.patience());
                    break;
                }
            }
        } finally {
            pool.shutdownNow();
        }
        byte[] best = checkpoints != null && Files.exists(checkpoints.resolve("best.params"))
                ? Files.readAllBytes(checkpoints.resolve("best.params")) : bestParams;
        if (best != null) model.readParameters(best);
        double secs = before + (System.nanoTime() - t0) / 1e9;
        return new TrainResult(model, history, bestEpoch, bestAcc, bestLoss, secs, firstEpoch, stoppedEarly);
    }

    private static Batch take(Future<Batch> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while building a batch", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("building a batch failed: " + e.getCause(), e.getCause());
        }
    }

    /** Random crops (or whole inputs) of every track, shuffled; batches drop a remainder so BN never sees a batch of one. */
    static List<Pick> picks(List<TrackInput> train, InputSpec input, int crops, Random rnd) {
        List<Pick> p = new ArrayList<>(train.size() * crops);
        for (int i = 0; i < train.size(); i++) {
            int span = train.get(i).cols() - input.width();
            for (int c = 0; c < crops; c++) p.add(new Pick(i, span > 0 ? rnd.nextInt(span + 1) : 0));
        }
        Collections.shuffle(p, rnd);
        return p;
    }

    /** The schedule as a function of the global update count; offset lets a resumed run continue the curve. */
    static Tracker schedule(TrainConfig cfg, int stepsPerEpoch, int offset) {
        int total = cfg.epochs() * stepsPerEpoch;
        float base = (float) cfg.learningRate();
        return new Tracker() {
            @Override
            public float getNewValue(int numUpdate) {
                int u = numUpdate + offset;
                return switch (cfg.schedule()) {
                    case "constant" -> base;
                    case "step" -> (float) (base * Math.pow(0.5, Math.floor(4.0 * u / Math.max(1, total))));
                    default -> {
                        int warm = Math.min(stepsPerEpoch, total / 10);
                        if (u < warm) yield base * (u + 1) / (float) warm;
                        double prog = Math.min(1.0, (u - warm) / (double) Math.max(1, total - warm));
                        yield (float) (base * (0.01 + 0.99 * 0.5 * (1 + Math.cos(Math.PI * prog))));
                    }
                };
            }
        };
    }
}
