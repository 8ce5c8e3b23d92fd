package org.genrekit.deep.train;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.genrekit.data.source.Artists;
import org.genrekit.deep.arch.ArchSpec;
import org.genrekit.deep.bundle.DeepBundle;
import org.genrekit.deep.input.BackboneMel;
import org.genrekit.deep.input.InputLoader;
import org.genrekit.deep.input.InputSpec;
import org.genrekit.deep.input.LogMelRecipe;
import org.genrekit.deep.input.Manifest;
import org.genrekit.deep.input.SpectrogramCache;
import org.genrekit.deep.input.TrackInput;
import org.genrekit.deep.viz.CurvesPng;
import org.genrekit.features.FeatureRecipe;
import org.genrekit.features.FeatureSets;

/**
 * A whole training run from a dataset manifest to a bundle: inputs (through the cache), training
 * with checkpoints in {@code OUT.run/}, then the bundle, and beside it in {@code OUT.run/} the
 * run's config.json, metrics.json and curves.png.
 *
 * @param manifest    dataset CSV
 * @param columns     path, label and split column names
 * @param trainPart   split value of the training tracks
 * @param validPart   split value of the validation tracks
 * @param logMel      spectrogram recipe (also used for pictures)
 * @param imageHeight picture height for image-cnn
 * @param imageWidth  picture width for image-cnn
 * @param features    feature recipe for mlp (e.g. gtzan58)
 * @param config      training configuration
 * @param cache       spectrogram cache folder
 * @param out         bundle to write
 * @param resume      continue an interrupted run
 */
public record TrainJob(Path manifest, List<String> columns, String trainPart, String validPart, LogMelRecipe logMel,
                       int imageHeight, int imageWidth, String features, TrainConfig config, Path cache, Path out, boolean resume) {

    public InputSpec inputSpec() {
        ArchSpec arch = config.arch();
        return switch (arch.inputKind()) {
            case SPECTROGRAM -> new InputSpec(arch.inputKind(), logMel.recipe(), logMel.nMels(), config.chunkFrames());
            case IMAGE -> new InputSpec(arch.inputKind(), logMel.recipe().with("image", imageHeight + "x" + imageWidth), imageHeight, imageWidth);
            case BACKBONE_MEL -> new InputSpec(arch.inputKind(), BackboneMel.RECIPE, BackboneMel.BANDS, BackboneMel.WINDOW_FRAMES);
            case VECTOR -> {
                FeatureRecipe r = FeatureRecipe.parse(features);
                yield new InputSpec(arch.inputKind(), r, FeatureSets.create(r).columns().size(), 1);
            }
        };
    }

    public static Path runDir(Path out) {
        return out.resolveSibling(out.getFileName() + ".run");
    }

    /**
     * Grouped k-fold CV over every track of the manifest, whatever its split part ({@link DeepCrossValidation}):
     * writes {@code OUT.run/cv.json} (after each fold) and no bundle.
     *
     * @param artists artist per track id (null: none known, track-grouped)
     */
    public DeepCrossValidation.Result crossValidate(int folds, Artists artists, PrintStream log, boolean bars, int loaderThreads) throws IOException {
        List<Manifest.Entry> all = Manifest.read(manifest, columns.get(0), columns.get(1), columns.get(2));
        if (all.isEmpty()) throw new IllegalArgumentException(manifest + ": no tracks");
        List<String> labels = new ArrayList<>(new TreeSet<>(all.stream().map(Manifest.Entry::label).toList()));
        InputSpec spec = inputSpec();
        List<TrackInput> inputs = new InputLoader(new SpectrogramCache(cache), log, loaderThreads).load(all, labels, spec);
        List<String> artistOf = artists == null ? null
                : artists.artistsOf(inputs.stream().map(t -> org.genrekit.data.TrackIds.of(t.id())).toList());
        Path run = runDir(out);
        Files.createDirectories(run);
        return DeepCrossValidation.run(inputs, artistOf, labels, inputSpec(), config, folds,
                bars ? DeepTrainer.Verbosity.BARS : DeepTrainer.Verbosity.LINES, log, run.resolve("cv.json"));
    }

    /** @param bars show progress bars (otherwise one line per epoch) */
    public TrainResult run(PrintStream log, boolean bars, int loaderThreads) throws IOException {
        List<Manifest.Entry> all = Manifest.read(manifest, columns.get(0), columns.get(1), columns.get(2));
        List<Manifest.Entry> tr = new ArrayList<>(), va = new ArrayList<>();
        for (Manifest.Entry e : all) {
            if (e.part().equals(trainPart)) tr.add(e);
            else if (e.part().equals(validPart)) va.add(e);
        }
        if (tr.isEmpty()) throw new IllegalArgumentException(manifest + ": no tracks with " + columns.get(2) + "=" + trainPart);
        if (va.isEmpty()) throw new IllegalArgumentException(manifest + ": no tracks with " + columns.get(2) + "=" + validPart);
        List<String> labels = new ArrayList<>(new TreeSet<>(tr.stream().map(Manifest.Entry::label).toList()));
        for (Manifest.Entry e : va) {
            if (!labels.contains(e.label())) throw new IllegalArgumentException("validation label '" + e.label() + "' does not occur in the training part");
        }
        InputSpec spec = inputSpec();
        InputLoader loader = new InputLoader(new SpectrogramCache(cache), log, loaderThreads);
        long t0 = System.nanoTime();
        List<TrackInput> train = loader.load(tr, labels, spec), valid = loader.load(va, labels, spec);
        double inputSecs = (System.nanoTime() - t0) / 1e9;
        Path run = runDir(out);
        Files.createDirectories(run);
        TrainResult r = new DeepTrainer(log, bars ? DeepTrainer.Verbosity.BARS : DeepTrainer.Verbosity.LINES, e -> { }).train(train, valid, labels, spec, config, run.resolve("checkpoints"), resume);
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("validAccuracy", r.bestValidAccuracy());
        metrics.put("validLoss", r.bestValidLoss());
        metrics.put("bestEpoch", r.bestEpoch());
        metrics.put("epochsRun", r.history().size());
        metrics.put("stoppedEarly", r.stoppedEarly());
        metrics.put("trainSeconds", r.seconds());
        metrics.put("inputSeconds", inputSecs);
        metrics.put("trainTracks", train.size());
        metrics.put("validTracks", valid.size());
        metrics.put("parameters", r.model().parameterCount());
        if (r.model().backbone().isPresent()) metrics.put("trainedParameters", r.model().trainableParameterCount());
        Map<String, Object> prov = new LinkedHashMap<>();
        prov.put("dataset", manifest.toAbsolutePath().toString());
        prov.put("trainPart", trainPart);
        prov.put("validPart", validPart);
        prov.put("config", config);
        String name = out.getFileName().toString().replaceFirst("\\.[^.]+$", "");
        DeepBundle.write(out, r.model(), name, metrics, prov);
        DeepTrainer.JSON.writeValue(run.resolve("config.json").toFile(), Map.of("config", config, "input", spec, "labels", labels));
        Map<String, Object> m = new LinkedHashMap<>(metrics);
        m.put("history", r.history());
        DeepTrainer.JSON.writeValue(run.resolve("metrics.json").toFile(), m);
        CurvesPng.write(r.history(), r.bestEpoch(), config.arch().name(), run.resolve("curves.png"));
        {
            log.printf(Locale.ROOT, "best epoch %d: validation accuracy %.4f, loss %.4f (%d tracks); %.1f s training; bundle %s (%d bytes)%n",
                    r.bestEpoch(), r.bestValidAccuracy(), r.bestValidLoss(), valid.size(), r.seconds(), out, Files.size(out));
        }
        return r;
    }
}
