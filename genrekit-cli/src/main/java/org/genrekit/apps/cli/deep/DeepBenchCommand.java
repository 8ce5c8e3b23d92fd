package org.genrekit.apps.cli.deep;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.genrekit.apps.cli.Main;
import org.genrekit.backbone.Engines;
import org.genrekit.data.Track;
import org.genrekit.data.spec.DatasetSpec;
import org.genrekit.deep.input.DeepData;
import org.genrekit.deep.arch.ArchSpec;
import org.genrekit.deep.arch.Architectures;
import org.genrekit.deep.input.BackboneMel;
import org.genrekit.deep.input.InputSpec;
import org.genrekit.deep.input.Planes;
import org.genrekit.features.sets.LogMel;
import org.genrekit.deep.train.Bench;
import org.genrekit.deep.train.TrainConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code genrekit deep bench}: steps/s, tracks/s and ms/track of every architecture. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure training steps/s and prediction tracks/s, ms/track (features + network; a synthetic 30 s track or --data's files) per architecture.")
public final class DeepBenchCommand implements Callable<Integer> {
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

    @Override
    public Integer call() throws Exception {
        List<Path> audio = List.of();
        if (data != null) {
            DeepData d = TrainOptions.open(DatasetSpec.parse(data));
            if (d.pictures()) {
                System.err.println("genrekit deep bench: " + data + " holds pictures; bench times prediction from audio");
                return Main.EXIT_USAGE;
            }
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
                case IMAGE_FILE -> throw new IllegalStateException(n + " reads picture files, which bench does not time");
            };
            TrainConfig cfg = TrainConfig.defaults(a).withBatch(batch, 1, in.width()).withDevice(device, threads);
            Bench.Result r = Bench.run(cfg, in, List.of("a", "b", "c"), steps, tracks, audio);
            System.out.printf(Locale.ROOT, "%-10s %9d %8d %9.2f %9.1f %9.2f %8.2f %12.1f %13.2f%n", r.arch(), r.parameters(), batch,
                    r.stepsPerSecond(), r.tracksPerSecond(), r.msPerTrack(), r.featureMsPerTrack(), r.cpuMsPerStep(), r.cpuMsPerTrack());
        }
        return Main.EXIT_OK;
    }
}
