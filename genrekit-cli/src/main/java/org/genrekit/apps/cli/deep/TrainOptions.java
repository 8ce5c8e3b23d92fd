package org.genrekit.apps.cli.deep;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import org.genrekit.data.spec.DatasetSpec;
import org.genrekit.deep.arch.ArchSpec;
import org.genrekit.deep.arch.Architectures;
import org.genrekit.deep.train.Augment;
import org.genrekit.deep.train.TrainConfig;
import org.genrekit.deep.train.TrainJob;
import org.genrekit.deep.input.DeepData;
import org.genrekit.features.sets.LogMel;
import picocli.CommandLine.Option;

/** Dataset, input and training options shared by {@code deep train} and {@code deep search}. */
final class TrainOptions {
    @Option(names = "--data", paramLabel = "SPEC", description = {"Dataset spec: gtzan:DIR, fma:DIR, folder:DIR, manifest:CSV, images:DIR (pictures),",
            "with ?split=... (random, lists, official, kfold) and artists=FILE; without split= the source's own split (a manifest's",
            "split column), else 20%% of each genre held out for validation. See docs/datasets.md."})
    String data;
    /** The former option, kept for scripts: any spec, a manifest CSV included. */
    @Option(names = "--manifest", hidden = true, paramLabel = "SPEC")
    String manifest;

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
    @Option(names = "--image-size", defaultValue = "64x96", description = "HxW of the pictures image-cnn reads (rendered from audio, or images: files resized) (default: ${DEFAULT-VALUE}).")
    String imageSize;

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

    /** The spectrogram front end: features' log-mel with these explicit parameters. */
    LogMel logMel() {
        return new LogMel(sampleRate, nFft, hop, nMels, fmin, fmax != null ? fmax : sampleRate / 2.0);
    }

    /** The dataset spec given (--data, or the former --manifest). */
    DatasetSpec spec() throws IOException {
        if (data != null && manifest != null) throw new IllegalArgumentException("give the dataset once: --data SPEC (--manifest is its former name)");
        if (data == null && manifest == null) throw new IllegalArgumentException("a dataset is needed: --data SPEC (e.g. gtzan:DIR, images:DIR, manifest.csv)");
        return DatasetSpec.parse(data != null ? data : manifest);
    }

    Path cacheDir() {
        return cacheDir(cache);
    }

    /** {@code given}, else the default spectrogram cache {@code ~/.cache/genrekit/deep}. */
    static Path cacheDir(Path given) {
        return given != null ? given : Path.of(System.getProperty("user.home"), ".cache", "genrekit", "deep");
    }

    TrainJob job(DeepData d, TrainConfig cfg, Path out, boolean resume) {
        String[] hw = imageSize.toLowerCase(Locale.ROOT).split("x");
        if (hw.length != 2) throw new IllegalArgumentException("--image-size must be HxW, got '" + imageSize + "'");
        return new TrainJob(d, logMel(), Integer.parseInt(hw[0]), Integer.parseInt(hw[1]), cfg, cacheDir(), out, resume);
    }

    /** Opens the dataset and says what the source noted (missing files). */
    static DeepData open(DatasetSpec spec) throws IOException {
        DeepData d = DeepData.open(spec);
        for (String w : d.warnings()) System.err.println("warning: " + w);
        return d;
    }

    /** Picocli completion list of architecture names. */
    static final class ArchNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return Architectures.ALL.iterator();
        }
    }
}
