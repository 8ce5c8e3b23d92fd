package org.genrekit.apps.cli.deep;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.genrekit.apps.cli.Main;
import org.genrekit.deep.input.InputLoader;
import org.genrekit.deep.input.InputSpec;
import org.genrekit.deep.input.Manifest;
import org.genrekit.deep.input.SpectrogramCache;
import org.genrekit.deep.input.TrackInput;
import org.genrekit.deep.search.Hyperband;
import org.genrekit.deep.train.TrainConfig;
import org.genrekit.deep.train.TrainJob;
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
        TrainJob proto = options.job(base, out, false);
        List<Manifest.Entry> all = Manifest.read(proto.manifest(), proto.columns().get(0), proto.columns().get(1), proto.columns().get(2));
        List<Manifest.Entry> tr = all.stream().filter(e -> e.part().equals(proto.trainPart())).toList();
        List<Manifest.Entry> va = all.stream().filter(e -> e.part().equals(proto.validPart())).toList();
        List<String> labels = new ArrayList<>(new TreeSet<>(tr.stream().map(Manifest.Entry::label).toList()));
        InputLoader loader = new InputLoader(new SpectrogramCache(options.cacheDir()), System.err, 2);
        Map<InputSpec, List<TrackInput>> trainCache = new HashMap<>(), validCache = new HashMap<>();
        Hyperband.Data data = new Hyperband.Data() {
            @Override
            public List<TrackInput> train(InputSpec spec) {
                return trainCache.computeIfAbsent(spec, s -> load(loader, tr, labels, s));
            }

            @Override
            public List<TrackInput> valid(InputSpec spec) {
                return validCache.computeIfAbsent(spec, s -> load(loader, va, labels, s));
            }

            @Override
            public InputSpec spec(TrainConfig cfg) {
                return options.job(cfg, out, false).inputSpec();
            }
        };
        Hyperband hb = new Hyperband(maxEpochs, eta, System.err);
        var space = new Hyperband.SearchSpace(base, archs, lrRange.get(0), lrRange.get(1), List.of(0.2, 0.3, 0.5),
                List.of(1e-3, 1e-2, 5e-2), List.of(0.0, 0.2, 0.4));
        Hyperband.Outcome o = hb.run(space, labels, data, options.seed);
        System.out.printf(Locale.ROOT, "%d trials in %d brackets; best: %s lr %.2g -> val_acc %.3f val_loss %.3f%n",
                o.trials().size(), hb.brackets(), o.best().config().arch().name(), o.best().config().learningRate(),
                o.best().validAccuracy(), o.best().validLoss());
        if (report != null) {
            Map<String, Object> rep = new LinkedHashMap<>();
            rep.put("maxEpochs", maxEpochs);
            rep.put("eta", eta);
            rep.put("trials", o.trials());
            rep.put("best", o.best());
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(report.toFile(), rep);
        }
        options.job(o.best().config().withEpochs(maxEpochs), out, false).run(System.err, false, 2);
        return Main.EXIT_OK;
    }

    private static List<TrackInput> load(InputLoader loader, List<Manifest.Entry> entries, List<String> labels, InputSpec spec) {
        try {
            return loader.load(entries, labels, spec);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
