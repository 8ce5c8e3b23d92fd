package org.genrekit.deep.train;

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
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.genrekit.audio.AudioLoader;
import org.genrekit.audio.Signal;
import org.genrekit.deep.DeepClassifier;
import org.genrekit.deep.DeepModel;
import org.genrekit.backbone.Engines;
import org.genrekit.deep.input.InputSpec;
import org.genrekit.deep.input.Normalizer;

/**
 * Speed of one architecture on random inputs of the real geometry: training steps per second, and
 * for prediction of whole tracks (features + network; real files, or a synthetic 30 s track)
 * tracks per second and ms per track.
 */
public final class Bench {
    /** Measured speeds. */
    public record Result(String arch, long parameters, double stepsPerSecond, double tracksPerSecond, double msPerTrack,
                         double featureMsPerTrack, double cpuMsPerStep, double cpuMsPerTrack) {
    }

    private Bench() {
    }

    /**
     * @param audio files whose prediction is timed, in turn (decoded before the clock starts); empty:
     *              a synthetic 30 s track
     */
    public static Result run(TrainConfig cfg, InputSpec input, List<String> labels, int steps, int tracks, List<Path> audio) throws IOException {
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
            List<Signal> signals = new ArrayList<>();
            for (Path f : audio) signals.add(AudioLoader.load(f, clf.loadOptions()));
            if (signals.isEmpty()) {
                float[] noise = new float[30 * clf.loadOptions().targetSampleRate()];
                for (int i = 0; i < noise.length; i++) noise[i] = (float) (0.1 * rnd.nextGaussian());
                signals.add(new Signal(noise, clf.loadOptions().targetSampleRate()));
            }
            for (int i = 0; i < 5; i++) clf.classify(signals.get(i % signals.size()), false); // JIT and engine warm-up: steady state is what a service sees
            double feat = 0;
            long t0 = System.nanoTime();
            long p0 = processCpu();
            for (int i = 0; i < tracks; i++) feat += clf.classify(signals.get(i % signals.size()), false).featureMillis();
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
