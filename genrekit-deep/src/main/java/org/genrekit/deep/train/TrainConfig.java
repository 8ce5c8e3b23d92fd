package org.genrekit.deep.train;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.genrekit.deep.arch.ArchSpec;

/**
 * Everything that defines a training run (saved beside the model and in checkpoints).
 *
 * @param arch          network
 * @param epochs        maximum epochs
 * @param batchSize     chunks per mini-batch
 * @param learningRate  peak learning rate
 * @param weightDecay   decoupled (AdamW) or L2 (Adam) weight decay
 * @param optimizer     "adamw" or "adam"
 * @param schedule      "cosine" (one warm-up epoch then cosine decay), "step" (x0.5 every quarter) or "constant"
 * @param patience      stop after this many epochs without a better validation result (0 = never)
 * @param seed          seeds initialisation, shuffling, crops and augmentation
 * @param cropsPerTrack random chunks drawn from each training track per epoch
 * @param chunkFrames   chunk width in frames for spectrogram inputs
 * @param augment       augmentation
 * @param device        "cpu" or "gpu"
 * @param threads       intra-op threads of the engine (0 = all cores)
 * @param backboneLearningRate peak learning rate of a pretrained backbone's fine-tuned blocks
 *                      (0 = a tenth of {@code learningRate}); only backbone architectures use it
 */
public record TrainConfig(ArchSpec arch, int epochs, int batchSize, double learningRate, double weightDecay,
                          String optimizer, String schedule, int patience, long seed, int cropsPerTrack,
                          int chunkFrames, Augment augment, String device, int threads,
                          @JsonInclude(JsonInclude.Include.NON_DEFAULT) double backboneLearningRate) {
    public static final List<String> OPTIMIZERS = List.of("adamw", "adam");
    public static final List<String> SCHEDULES = List.of("cosine", "step", "constant");

    public TrainConfig {
        if (epochs <= 0) throw new IllegalArgumentException("epochs must be > 0, got " + epochs);
        if (batchSize <= 0) throw new IllegalArgumentException("batchSize must be > 0, got " + batchSize);
        if (!(learningRate > 0)) throw new IllegalArgumentException("learningRate must be > 0, got " + learningRate);
        if (!(weightDecay >= 0)) throw new IllegalArgumentException("weightDecay must be >= 0, got " + weightDecay);
        if (!OPTIMIZERS.contains(optimizer)) throw new IllegalArgumentException("optimizer must be one of " + OPTIMIZERS + ", got '" + optimizer + "'");
        if (!SCHEDULES.contains(schedule)) throw new IllegalArgumentException("schedule must be one of " + SCHEDULES + ", got '" + schedule + "'");
        if (patience < 0) throw new IllegalArgumentException("patience must be >= 0, got " + patience);
        if (cropsPerTrack <= 0) throw new IllegalArgumentException("cropsPerTrack must be > 0, got " + cropsPerTrack);
        if (chunkFrames <= 0) throw new IllegalArgumentException("chunkFrames must be > 0, got " + chunkFrames);
        if (!device.equals("cpu") && !device.equals("gpu")) throw new IllegalArgumentException("device must be cpu or gpu, got '" + device + "'");
        if (threads < 0) throw new IllegalArgumentException("threads must be >= 0, got " + threads);
        if (!(backboneLearningRate >= 0)) throw new IllegalArgumentException("backboneLearningRate must be >= 0, got " + backboneLearningRate);
        if (arch.inputKind() == ArchSpec.InputKind.BACKBONE_MEL && (augment.gainDb() > 0 || augment.tiltDb() > 0)) {
            throw new IllegalArgumentException("gain and tilt augmentation work on dB log-mels; " + arch.name()
                    + " reads the backbone's own log-mel, so leave --gain-db and --tilt-db at 0");
        }
    }

    public TrainConfig(ArchSpec arch, int epochs, int batchSize, double learningRate, double weightDecay, String optimizer, String schedule,
                       int patience, long seed, int cropsPerTrack, int chunkFrames, Augment augment, String device, int threads) {
        this(arch, epochs, batchSize, learningRate, weightDecay, optimizer, schedule, patience, seed, cropsPerTrack, chunkFrames, augment,
                device, threads, 0);
    }

    /** The fine-tuned backbone blocks' peak learning rate, the default resolved. */
    public double effectiveBackboneLearningRate() {
        return backboneLearningRate > 0 ? backboneLearningRate : learningRate / 10;
    }

    /** Sensible defaults for an architecture. */
    public static TrainConfig defaults(ArchSpec arch) {
        return new TrainConfig(arch, 30, 32, 2e-3, 1e-3, "adamw", "cosine", 8, 42, 8, 64,
                Augment.specAugment(arch.inputKind()), "cpu", 0);
    }

    public TrainConfig withEpochs(int e) {
        return new TrainConfig(arch, e, batchSize, learningRate, weightDecay, optimizer, schedule, patience, seed, cropsPerTrack, chunkFrames, augment, device, threads, backboneLearningRate);
    }

    public TrainConfig withArch(ArchSpec a) {
        return new TrainConfig(a, epochs, batchSize, learningRate, weightDecay, optimizer, schedule, patience, seed, cropsPerTrack, chunkFrames, augment, device, threads, backboneLearningRate);
    }

    public TrainConfig withLearningRate(double lr) {
        return new TrainConfig(arch, epochs, batchSize, lr, weightDecay, optimizer, schedule, patience, seed, cropsPerTrack, chunkFrames, augment, device, threads, backboneLearningRate);
    }

    public TrainConfig withBatch(int b, int crops, int chunk) {
        return new TrainConfig(arch, epochs, b, learningRate, weightDecay, optimizer, schedule, patience, seed, crops, chunk, augment, device, threads, backboneLearningRate);
    }

    public TrainConfig withAugment(Augment a) {
        return new TrainConfig(arch, epochs, batchSize, learningRate, weightDecay, optimizer, schedule, patience, seed, cropsPerTrack, chunkFrames, a, device, threads, backboneLearningRate);
    }

    public TrainConfig withPatience(int p) {
        return new TrainConfig(arch, epochs, batchSize, learningRate, weightDecay, optimizer, schedule, p, seed, cropsPerTrack, chunkFrames, augment, device, threads, backboneLearningRate);
    }

    public TrainConfig withWeightDecay(double wd) {
        return new TrainConfig(arch, epochs, batchSize, learningRate, wd, optimizer, schedule, patience, seed, cropsPerTrack, chunkFrames, augment, device, threads, backboneLearningRate);
    }

    public TrainConfig withBackboneLearningRate(double lr) {
        return new TrainConfig(arch, epochs, batchSize, learningRate, weightDecay, optimizer, schedule, patience, seed, cropsPerTrack, chunkFrames, augment, device, threads, lr);
    }

    public TrainConfig withDevice(String d, int t) {
        return new TrainConfig(arch, epochs, batchSize, learningRate, weightDecay, optimizer, schedule, patience, seed, cropsPerTrack, chunkFrames, augment, d, t, backboneLearningRate);
    }
}
