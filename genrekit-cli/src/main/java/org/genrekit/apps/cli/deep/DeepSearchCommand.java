package org.genrekit.apps.cli.deep;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.genrekit.apps.cli.Main;
import org.genrekit.data.Track;
import org.genrekit.deep.input.DeepData;
import org.genrekit.deep.input.InputLoader;
import org.genrekit.deep.input.InputSpec;
import org.genrekit.deep.input.TrackInput;
import org.genrekit.deep.search.Hyperband;
import org.genrekit.deep.train.TrainConfig;
import org.genrekit.deep.train.TrainJob;
import org.genrekit.core.io.AtomicFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code genrekit deep search}: Hyperband over architectures and training parameters, then trains the winner. */
@Command(name = "search", mixinStandardHelpOptions = true,
        description = {"Hyperband search over architecture, learning rate, dropout, weight decay and mixup.",
                "Successive halving in brackets, with the budget in epochs; the best configuration is then trained at full budget into --out."})
public final class DeepSearchCommand implements Callable<Integer> {
    @Mixin
    TrainOptions options;
    @Option(names = "--archs", split = ",", defaultValue = "rescnn,cnn2d,crnn,crnn1d,cnn-gru", description = "Architectures to search (default: ${DEFAULT-VALUE}).")
    List<String> archs;
    @Option(names = "--max-epochs", defaultValue = "27", description = "Hyperband R: most epochs one trial gets (default: ${DEFAULT-VALUE}).")
    int maxEpochs;
    @Option(names = "--eta", defaultValue = "3", description = "Hyperband eta: keep 1/eta per round (default: ${DEFAULT-VALUE}).")
    int eta;
    @Option(names = "--lr-range", split = ",", defaultValue = "3e-4,5e-3", description = "Learning-rate range, log-uniform (default: ${DEFAULT-VALUE}).")
    List<Double> lrRange;
    @Option(names = "--out", required = true, description = "Bundle of the best configuration.")
    Path out;
    @Option(names = "--report", description = "Write every trial as JSON here.")
    Path report;

    @Override
    public Integer call() throws Exception {
        TrainConfig base = options.config().withEpochs(maxEpochs);
        TrainJob proto = options.job(TrainOptions.open(options.spec()), base, out, false);
        DeepData d = proto.data();
        List<String> labels = d.trainingLabels();
        List<Track> tr = d.part("train"), va = d.validation();
        ProgressRenderer progress = new ProgressRenderer(System.err, true);
        InputLoader loader = proto.loader(progress);
        // Inputs per geometry: every spectrogram architecture shares them.
        Map<InputSpec, List<TrackInput>> trainCache = new HashMap<>(), validCache = new HashMap<>();
        Hyperband.Data data = new Hyperband.Data() {
            @Override
            public List<TrackInput> train(InputSpec spec) {
                return trainCache.computeIfAbsent(spec, s -> load(loader, "train", tr, labels, s));
            }

            @Override
            public List<TrackInput> valid(InputSpec spec) {
                return validCache.computeIfAbsent(spec, s -> load(loader, "valid", va, labels, s));
            }

            @Override
            public InputSpec spec(TrainConfig cfg) {
                return proto.inputSpec(cfg.arch());
            }
        };
        Hyperband hb = new Hyperband(maxEpochs, eta, DeepSearchCommand::show);
        var space = new Hyperband.SearchSpace(base, archs, lrRange.get(0), lrRange.get(1), List.of(0.2, 0.3, 0.5),
                List.of(1e-3, 1e-2, 5e-2), List.of(0.0, 0.2, 0.4));
        Hyperband.Outcome o = hb.run(space, labels, data, options.seed);
        System.out.printf(Locale.ROOT, "%d trials in %d brackets; best: %s lr %.2g -> val_acc %.3f val_loss %.3f%n",
                o.trials().size(), hb.brackets(), o.best().config().arch().name(), o.best().config().learningRate(),
                o.best().validAccuracy(), o.best().validLoss());
        if (report != null) {
            Map<String, Object> rep = new LinkedHashMap<>();
            rep.put("dataset", d.spec().toString());
            rep.put("maxEpochs", maxEpochs);
            rep.put("eta", eta);
            rep.put("trials", o.trials());
            rep.put("best", o.best());
            AtomicFiles.write(report, new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(rep));
        }
        TrainJob winner = options.job(d, o.best().config().withEpochs(maxEpochs), out, false);
        winner.run(new ProgressRenderer(System.err, false)).model().close();
        System.err.println("bundle " + out);
        return Main.EXIT_OK;
    }

    private static void show(Hyperband.Trial t) {
        TrainConfig c = t.config();
        System.err.printf(Locale.ROOT, "bracket %d round %d: %-9s lr %.2g wd %.1g width %d drop %.2f mixup %.1f -> %d epochs: val_acc %.3f val_loss %.3f (%.0fs)%n",
                t.bracket(), t.round(), c.arch().name(), c.learningRate(), c.weightDecay(), c.arch().width(), c.arch().dropout(),
                c.augment().mixupAlpha(), t.epochs(), t.validAccuracy(), t.validLoss(), t.seconds());
    }

    private static List<TrackInput> load(InputLoader loader, String what, List<Track> tracks, List<String> labels, InputSpec spec) {
        try {
            return loader.load(what, tracks, labels, spec);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
