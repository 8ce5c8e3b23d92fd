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
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import org.genrekit.audio.AudioLoader;
import org.genrekit.audio.Signal;
import org.genrekit.data.Track;
import org.genrekit.backbone.Engines;
import org.genrekit.deep.DeepClassifier;
import org.genrekit.deep.DeepModel;
import org.genrekit.deep.arch.ArchSpec;
import org.genrekit.deep.arch.Architectures;
import org.genrekit.deep.input.BackboneMel;
import org.genrekit.deep.input.InputSpec;
import org.genrekit.deep.input.DeepData;
import org.genrekit.deep.input.Normalizer;
import org.genrekit.deep.input.Planes;
import org.genrekit.deep.train.TrainConfig;
import org.genrekit.features.sets.LogMel;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Speed of each deep architecture on random inputs of the real geometry: training steps per second,
 * and for prediction of whole tracks (features + network; a synthetic 30 s track, or --data's files) tracks per second and ms per track,
 * wall and CPU time. Run: {@code bench/deep.sh} (was {@code genrekit deep bench}).
 */
@Command(name = "deep-bench", mixinStandardHelpOptions = true,
        description = "Measure training steps/s and prediction tracks/s, ms/track (features + network; a synthetic 30 s track or --data's files) per architecture.")
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
    @Option(names = "--data", paramLabel = "SPEC",
            description = "Time prediction on the first --tracks audio files of this dataset spec instead of a synthetic 30 s track.")
    String data;

    /** Measured speeds. */
    record Result(String arch, long parameters, double stepsPerSecond, double tracksPerSecond, double msPerTrack,
                  double featureMsPerTrack, double cpuMsPerStep, double cpuMsPerTrack) {
    }

    public static void main(String[] args) {
        // bench/deep.sh passes its defaults first; the caller's options after them win.
        System.exit(new CommandLine(new DeepBench()).setOverwrittenOptionsAllowed(true).execute(args));
    }

    @Override
    public Integer call() throws IOException {
        List<Path> audio = List.of();
        if (data != null) {
            DeepData d = DeepData.open(data);
            if (d.pictures()) throw new CommandLine.ParameterException(new CommandLine(this), data + " holds pictures; the bench times prediction from audio");
            audio = d.tracks().stream().limit(tracks).map(Track::audio).toList();
        }
        Engines.configure(threads);
        List<String> names = archs == null ? Architectures.NAMES : archs;
        LogMel lm = new LogMel(22050, 2048, hop, nMels, 0, 11025);
        System.out.printf(Locale.ROOT, "%-10s %9s %8s %9s %9s %9s %8s %12s %13s%n", "arch", "params", "batch", "steps/s", "tracks/s", "ms/track",
                "feat ms", "cpu ms/step", "cpu ms/track");
        for (String n : names) {
            ArchSpec a = ArchSpec.of(n);
            InputSpec in = switch (a.inputKind()) {
                case SPECTROGRAM -> new InputSpec(a.inputKind(), lm.recipe(), nMels, chunkFrames);
                case IMAGE -> new InputSpec(a.inputKind(), Planes.imageRecipe(lm, 64, 96), 64, 96);
                case BACKBONE_MEL -> new InputSpec(a.inputKind(), BackboneMel.RECIPE, BackboneMel.BANDS, BackboneMel.WINDOW_FRAMES);
                // No architecture reads picture files by default (image-cnn renders its pictures from audio).
                case IMAGE_FILE -> throw new IllegalStateException(n + " reads picture files, which the bench does not time");
            };
            TrainConfig cfg = TrainConfig.defaults(a).withBatch(batch, 1, in.width()).withDevice(device, threads);
            Result r = run(cfg, in, List.of("a", "b", "c"), steps, tracks, audio);
            System.out.printf(Locale.ROOT, "%-10s %9d %8d %9.2f %9.1f %9.2f %8.2f %12.1f %13.2f%n", r.arch(), r.parameters(), batch,
                    r.stepsPerSecond(), r.tracksPerSecond(), r.msPerTrack(), r.featureMsPerTrack(), r.cpuMsPerStep(), r.cpuMsPerTrack());
        }
        return 0;
    }

    /**
     * @param audio files whose prediction is timed, in turn (decoded before the clock starts); empty:
     *              a synthetic 30 s track
     */
    static Result run(TrainConfig cfg, InputSpec input, List<String> labels, int steps, int tracks, List<Path> audio) throws IOException {
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
