package org.genrekit.bench;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.SoftmaxCrossEntropyLoss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import org.genrekit.audio.Signal;
import org.genrekit.backbone.Engines;
import org.genrekit.deep.DeepClassifier;
import org.genrekit.deep.DeepModel;
import org.genrekit.deep.arch.ArchSpec;
import org.genrekit.deep.arch.Architectures;
import org.genrekit.deep.input.BackboneMel;
import org.genrekit.deep.input.InputSpec;
import org.genrekit.deep.input.LogMelRecipe;
import org.genrekit.deep.input.Normalizer;
import org.genrekit.deep.train.TrainConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Speed of each deep architecture on random inputs of the real geometry: training steps per second,
 * and for prediction of a whole 30 s track (features + network) tracks per second and ms per track,
 * wall and CPU time. Run: {@code bench/deep.sh} (was {@code genrekit deep bench}).
 */
@Command(name = "deep-bench", mixinStandardHelpOptions = true,
        description = "Measure training steps/s and prediction tracks/s, ms/track (30 s track, features + network) per architecture.")
public final class DeepBench implements Callable<Integer> {
    @Option(names = "--arch", split = ",", description = "Architectures (default: all).")
    List<String> archs;
    @Option(names = "--batch", defaultValue = "32", description = "Training batch (default: ${DEFAULT-VALUE}).")
    int batch;
    @Option(names = "--steps", defaultValue = "10", description = "Timed training steps (default: ${DEFAULT-VALUE}).")
    int steps;
    @Option(names = "--tracks", defaultValue = "20", description = "Timed predictions (default: ${DEFAULT-VALUE}).")
    int tracks;
    @Option(names = "--threads", defaultValue = "1", description = "Engine intra-op threads (default: ${DEFAULT-VALUE}: one core).")
    int threads;
    @Option(names = "--n-mels", defaultValue = "64") int nMels;
    @Option(names = "--hop", defaultValue = "1024") int hop;
    @Option(names = "--chunk-frames", defaultValue = "64") int chunkFrames;
    @Option(names = "--device", defaultValue = "cpu") String device;

    /** Measured speeds. */
    record Result(String arch, long parameters, double stepsPerSecond, double tracksPerSecond, double msPerTrack,
                  double featureMsPerTrack, double cpuMsPerStep, double cpuMsPerTrack) {
    }

    public static void main(String[] args) {
        // bench/deep.sh passes its defaults first; the caller's options after them win.
        System.exit(new CommandLine(new DeepBench()).setOverwrittenOptionsAllowed(true).execute(args));
    }

    @Override
    public Integer call() {
        Engines.configure(threads);
        List<String> names = archs == null ? Architectures.NAMES : archs;
        LogMelRecipe lm = new LogMelRecipe(22050, 2048, hop, nMels, 0, 11025);
        System.out.printf(Locale.ROOT, "%-10s %9s %8s %9s %9s %9s %8s %12s %13s%n", "arch", "params", "batch", "steps/s", "tracks/s", "ms/track",
                "feat ms", "cpu ms/step", "cpu ms/track");
        for (String n : names) {
            ArchSpec a = ArchSpec.of(n);
            InputSpec in = switch (a.inputKind()) {
                case SPECTROGRAM -> new InputSpec(a.inputKind(), lm.recipe(), nMels, chunkFrames);
                case IMAGE -> new InputSpec(a.inputKind(), lm.recipe().with("image", "64x96"), 64, 96);
                case BACKBONE_MEL -> new InputSpec(a.inputKind(), BackboneMel.RECIPE, BackboneMel.BANDS, BackboneMel.WINDOW_FRAMES);
                case VECTOR -> null;
            };
            if (in == null) {
                // The MLP reads GTZAN-58 vectors; its speed is measured on them when the feature set is available.
                try {
                    in = new InputSpec(a.inputKind(), org.genrekit.features.FeatureRecipe.of("gtzan58"),
                            org.genrekit.features.FeatureSets.create("gtzan58").columns().size(), 1);
                } catch (RuntimeException e) {
                    System.out.printf(Locale.ROOT, "%-10s skipped: %s%n", n, e.getMessage());
                    continue;
                }
            }
            TrainConfig cfg = TrainConfig.defaults(a).withBatch(batch, 1, in.width()).withDevice(device, threads);
            Result r = run(cfg, in, List.of("a", "b", "c"), steps, tracks);
            System.out.printf(Locale.ROOT, "%-10s %9d %8d %9.2f %9.1f %9.2f %8.2f %12.1f %13.2f%n", r.arch(), r.parameters(), batch,
                    r.stepsPerSecond(), r.tracksPerSecond(), r.msPerTrack(), r.featureMsPerTrack(), r.cpuMsPerStep(), r.cpuMsPerTrack());
        }
        return 0;
    }

    static Result run(TrainConfig cfg, InputSpec input, List<String> labels, int steps, int tracks) {
        Device device = Engines.device(cfg.device());
        Random rnd = new Random(cfg.seed());
        Normalizer norm = new Normalizer(new float[input.rows()], ones(input.rows()));
        try (DeepModel model = DeepModel.create(cfg.arch(), labels, input, norm, device)) {
            DefaultTrainingConfig tc = new DefaultTrainingConfig(new SoftmaxCrossEntropyLoss("loss", 1f, -1, false, true))
                    .optOptimizer(Optimizer.adamW().optLearningRateTracker(Tracker.fixed((float) cfg.learningRate())).build())
                    .optDevices(new Device[] {device});
            double stepsPerSec, cpuStep;
            long c0 = 0;
            int b = cfg.batchSize(), size = input.rows() * input.width();
            float[] x = new float[b * size];
            float[] y = new float[b * labels.size()];
            for (int i = 0; i < x.length; i++) x[i] = (float) rnd.nextGaussian();
            for (int i = 0; i < b; i++) y[i * labels.size() + i % labels.size()] = 1;
            try (Trainer trainer = model.djlModel().newTrainer(tc)) {
                trainer.initialize(model.inputShape(1));
                long t0 = 0;
                for (int s = 0; s < steps + 2; s++) {
                    if (s == 2) { // two warm-up steps
                        t0 = System.nanoTime();
                        c0 = processCpu();
                    }
                    try (NDManager m = trainer.getManager().newSubManager()) {
                        NDArray xa = m.create(x, model.inputShape(b)), ya = m.create(y, new Shape(b, labels.size()));
                        try (GradientCollector gc = trainer.newGradientCollector()) {
                            NDList pred = trainer.forward(new NDList(xa));
                            gc.backward(trainer.getLoss().evaluate(new NDList(ya), pred));
                        }
                        trainer.step();
                    }
                }
                stepsPerSec = steps / ((System.nanoTime() - t0) / 1e9);
                cpuStep = (processCpu() - c0) / 1e6 / steps;
            }
            DeepClassifier clf = new DeepClassifier(cfg.arch().name(), "bench", model, java.util.Map.of());
            float[] audio = new float[30 * clf.loadOptions().targetSampleRate()];
            for (int i = 0; i < audio.length; i++) audio[i] = (float) (0.1 * rnd.nextGaussian());
            Signal sig = new Signal(audio, clf.loadOptions().targetSampleRate());
            for (int i = 0; i < 5; i++) clf.classify(sig, false); // JIT and engine warm-up: steady state is what a service sees
            double feat = 0;
            long t0 = System.nanoTime();
            long p0 = processCpu();
            for (int i = 0; i < tracks; i++) feat += clf.classify(sig, false).featureMillis();
            double secs = (System.nanoTime() - t0) / 1e9;
            double cpuTrack = (processCpu() - p0) / 1e6 / tracks;
            return new Result(cfg.arch().name(), model.parameterCount(), stepsPerSec, tracks / secs, 1000 * secs / tracks, feat / tracks,
                    cpuStep, cpuTrack);
        }
    }

    /** CPU time of the whole process: on a shared machine it shows the cost that wall time hides. */
    static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static float[] ones(int n) {
        float[] a = new float[n];
        java.util.Arrays.fill(a, 1f);
        return a;
    }
}
