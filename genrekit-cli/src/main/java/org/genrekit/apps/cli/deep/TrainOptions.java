package org.genrekit.apps.cli.deep;

import java.nio.file.Path;
import java.util.List;
import org.genrekit.deep.arch.ArchSpec;
import org.genrekit.deep.arch.Architectures;
import org.genrekit.deep.train.Augment;
import org.genrekit.deep.train.TrainConfig;
import org.genrekit.deep.train.TrainJob;
import org.genrekit.deep.input.LogMelRecipe;
import picocli.CommandLine.Option;

/** Dataset, input and training options shared by {@code deep train} and {@code deep search}. */
final class TrainOptions {
    @Option(names = "--manifest", required = true, description = "Dataset CSV (e.g. ../shared/data/gtzan-3genres/manifest.csv).")
    Path manifest;
    @Option(names = "--path-column", defaultValue = "relative_path", description = "Column with the audio path (default: ${DEFAULT-VALUE}).")
    String pathColumn;
    @Option(names = "--label-column", defaultValue = "genre", description = "Column with the genre (default: ${DEFAULT-VALUE}).")
    String labelColumn;
    @Option(names = "--split-column", defaultValue = "fault_filtered_part", description = "Column with the split part (default: ${DEFAULT-VALUE}).")
    String splitColumn;
    @Option(names = "--train-part", defaultValue = "train", description = "Split value of training tracks (default: ${DEFAULT-VALUE}).")
    String trainPart;
    @Option(names = "--valid-part", defaultValue = "valid", description = "Split value of validation tracks (default: ${DEFAULT-VALUE}).")
    String validPart;

    @Option(names = "--arch", defaultValue = "rescnn", description = "Architecture: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).",
            completionCandidates = ArchNames.class)
    String arch;
    @Option(names = "--width", description = "Base channels/units of the architecture (default: its own).")
    Integer width;
    @Option(names = "--dropout", description = "Dropout before the classifier (default: the architecture's).")
    Double dropout;
    @Option(names = "--fine-tune", defaultValue = "0", paramLabel = "N",
            description = "Backbone architectures: also train the backbone's last N blocks and its final 1x1 convolution (default: ${DEFAULT-VALUE}: frozen).")
    int fineTune;
    @Option(names = "--backbone-lr", paramLabel = "LR", description = "Peak learning rate of the fine-tuned backbone blocks (default: --lr / 10).")
    Double backboneLr;

    @Option(names = "--sr", defaultValue = "22050", description = "Sample rate for the spectrogram (default: ${DEFAULT-VALUE}).")
    int sampleRate;
    @Option(names = "--n-fft", defaultValue = "2048", description = "FFT size (default: ${DEFAULT-VALUE}).")
    int nFft;
    @Option(names = "--hop", defaultValue = "1024", description = "Hop length (default: ${DEFAULT-VALUE}).")
    int hop;
    @Option(names = "--n-mels", defaultValue = "64", description = "Mel bands (default: ${DEFAULT-VALUE}).")
    int nMels;
    @Option(names = "--fmin", defaultValue = "0", description = "Lowest mel frequency (default: ${DEFAULT-VALUE}).")
    double fmin;
    @Option(names = "--fmax", description = "Highest mel frequency (default: sr/2).")
    Double fmax;
    @Option(names = "--chunk-frames", defaultValue = "64", description = "Chunk width in frames (default: ${DEFAULT-VALUE}, ~3 s at hop 1024).")
    int chunkFrames;
    @Option(names = "--image-size", defaultValue = "64x96", description = "HxW of spectrogram pictures for image-cnn (default: ${DEFAULT-VALUE}).")
    String imageSize;
    @Option(names = "--features", defaultValue = "gtzan58", description = "Feature recipe for mlp (default: ${DEFAULT-VALUE}).")
    String features;

    @Option(names = "--epochs", defaultValue = "30", description = "Maximum epochs (default: ${DEFAULT-VALUE}).")
    int epochs;
    @Option(names = "--batch", defaultValue = "32", description = "Mini-batch size (default: ${DEFAULT-VALUE}).")
    int batch;
    @Option(names = "--crops", defaultValue = "8", description = "Random chunks per training track per epoch (default: ${DEFAULT-VALUE}).")
    int crops;
    @Option(names = "--lr", defaultValue = "0.002", description = "Peak learning rate (default: ${DEFAULT-VALUE}).")
    double lr;
    @Option(names = "--weight-decay", defaultValue = "0.001", description = "Weight decay (default: ${DEFAULT-VALUE}).")
    double weightDecay;
    @Option(names = "--optimizer", defaultValue = "adamw", description = "adamw or adam (default: ${DEFAULT-VALUE}).")
    String optimizer;
    @Option(names = "--schedule", defaultValue = "cosine", description = "cosine, step or constant (default: ${DEFAULT-VALUE}).")
    String schedule;
    @Option(names = "--patience", defaultValue = "8", description = "Early-stopping patience in epochs, 0 = off (default: ${DEFAULT-VALUE}).")
    int patience;
    @Option(names = "--seed", defaultValue = "42", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;
    @Option(names = "--no-spec-augment", description = "Disable SpecAugment time/frequency masks.")
    boolean noSpecAugment;
    @Option(names = "--mixup", defaultValue = "0", description = "Mixup Beta alpha, 0 = off (default: ${DEFAULT-VALUE}).")
    double mixup;
    @Option(names = "--gain-db", defaultValue = "0", description = "Random level change up to +-dB per chunk, 0 = off (default: ${DEFAULT-VALUE}).")
    double gainDb;
    @Option(names = "--tilt-db", defaultValue = "0", description = "Random spectral slope up to +-dB across the bands per chunk, 0 = off (default: ${DEFAULT-VALUE}).")
    double tiltDb;
    @Option(names = "--device", defaultValue = "cpu", description = "cpu or gpu (default: ${DEFAULT-VALUE}).")
    String device;
    @Option(names = "--threads", defaultValue = "0", description = "Engine intra-op threads, 0 = all cores (default: ${DEFAULT-VALUE}).")
    int threads;
    @Option(names = "--cache", description = "Spectrogram cache folder (default: ~/.cache/genrekit/deep).")
    Path cache;

    TrainConfig config() {
        ArchSpec def = ArchSpec.of(arch);
        if (fineTune != 0 && !Architectures.TRANSFER.contains(arch)) {
            throw new IllegalArgumentException("--fine-tune applies to the backbone architectures " + Architectures.TRANSFER + ", not to " + arch);
        }
        if (backboneLr != null && !Architectures.TRANSFER.contains(arch)) {
            throw new IllegalArgumentException("--backbone-lr applies to the backbone architectures " + Architectures.TRANSFER + ", not to " + arch);
        }
        if (backboneLr != null && !(backboneLr > 0)) throw new IllegalArgumentException("--backbone-lr must be > 0, got " + backboneLr);
        ArchSpec a = new ArchSpec(arch, width != null ? width : def.width(), dropout != null ? dropout : def.dropout(), fineTune);
        Augment aug = (noSpecAugment ? Augment.none() : Augment.specAugment(a.inputKind())).withMixup(mixup).withGainTilt(gainDb, tiltDb);
        return new TrainConfig(a, epochs, batch, lr, weightDecay, optimizer, schedule, patience, seed, crops, chunkFrames, aug, device, threads,
                backboneLr != null ? backboneLr : 0);
    }

    LogMelRecipe logMel() {
        return new LogMelRecipe(sampleRate, nFft, hop, nMels, fmin, fmax != null ? fmax : sampleRate / 2.0);
    }

    Path cacheDir() {
        return cache != null ? cache : Path.of(System.getProperty("user.home"), ".cache", "genrekit", "deep");
    }

    TrainJob job(TrainConfig cfg, Path out, boolean resume) {
        String[] hw = imageSize.toLowerCase().split("x");
        if (hw.length != 2) throw new IllegalArgumentException("--image-size must be HxW, got '" + imageSize + "'");
        return new TrainJob(manifest, List.of(pathColumn, labelColumn, splitColumn), trainPart, validPart, logMel(),
                Integer.parseInt(hw[0]), Integer.parseInt(hw[1]), features, cfg, cacheDir(), out, resume);
    }

    /** Picocli completion list of architecture names. */
    static final class ArchNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return Architectures.ALL.iterator();
        }
    }
}
