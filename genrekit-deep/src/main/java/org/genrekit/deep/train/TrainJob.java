package org.genrekit.deep.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.genrekit.data.Track;
import org.genrekit.deep.arch.ArchSpec;
import org.genrekit.deep.arch.ArchSpec.InputKind;
import org.genrekit.deep.bundle.DeepBundle;
import org.genrekit.deep.input.BackboneMel;
import org.genrekit.deep.input.DeepData;
import org.genrekit.deep.input.InputLoader;
import org.genrekit.deep.input.InputSpec;
import org.genrekit.deep.input.Planes;
import org.genrekit.deep.input.SpectrogramCache;
import org.genrekit.deep.input.TrackInput;
import org.genrekit.deep.viz.CurvesPng;
import org.genrekit.features.sets.LogMel;

/**
 * A whole training run from a dataset to a bundle: inputs (through the cache), training with
 * checkpoints in {@code OUT.run/}, then the bundle, and beside it in {@code OUT.run/} the run's
 * config.json, metrics.json and curves.png.
 *
 * @param data        the dataset, opened and split
 * @param logMel      spectrogram front end (also used for pictures rendered from audio)
 * @param imageHeight picture height for picture inputs
 * @param imageWidth  picture width for picture inputs
 * @param config      training configuration
 * @param cache       spectrogram cache folder
 * @param out         bundle to write
 * @param resume      continue an interrupted run
 */
public record TrainJob(DeepData data, LogMel logMel, int imageHeight, int imageWidth, TrainConfig config, Path cache,
                       Path out, boolean resume) {
    private static final System.Logger LOG = System.getLogger(TrainJob.class.getName());

    /** Threads that decode and compute inputs. */
    static final int LOADER_THREADS = 2;

    public InputSpec inputSpec() {
        return inputSpec(config.arch());
    }

    /** What {@code arch} reads from this job's data. */
    public InputSpec inputSpec(ArchSpec arch) {
        InputKind kind = arch.inputKind();
        if (data.pictures()) {
            if (kind != InputKind.IMAGE) {
                throw new IllegalArgumentException(data.spec().text() + " holds pictures; " + arch.name()
                        + " reads " + kind.name().toLowerCase(java.util.Locale.ROOT) + " input from audio; use --arch image-cnn");
            }
            return new InputSpec(InputKind.IMAGE_FILE, Planes.pictureRecipe(imageHeight, imageWidth), imageHeight, imageWidth);
        }
        return switch (kind) {
            case SPECTROGRAM -> new InputSpec(kind, logMel.recipe(), logMel.nMels(), config.chunkFrames());
            case IMAGE -> new InputSpec(kind, Planes.imageRecipe(logMel, imageHeight, imageWidth), imageHeight, imageWidth);
            case BACKBONE_MEL -> new InputSpec(kind, BackboneMel.RECIPE, BackboneMel.BANDS, BackboneMel.WINDOW_FRAMES);
            case IMAGE_FILE -> throw new IllegalArgumentException(arch.name() + " reads pictures from files: train it on an images: dataset");
        };
    }

    public static Path runDir(Path out) {
        return out.resolveSibling(out.getFileName() + ".run");
    }

    public InputLoader loader(TrainingListener listener) {
        return new InputLoader(new SpectrogramCache(cache), listener, LOADER_THREADS);
    }

    /**
     * Grouped k-fold CV over every track of the dataset, whatever its split part ({@link DeepCrossValidation}):
     * grouped by artist where the dataset knows artists; writes {@code OUT.run/cv.json} (after each
     * fold) and no bundle.
     */
    public DeepCrossValidation.Result crossValidate(int folds, TrainingListener listener) throws IOException {
        List<Track> all = data.tracks();
        List<String> labels = new ArrayList<>(new TreeSet<>(all.stream().map(Track::label).toList()));
        List<TrackInput> inputs = loader(listener).load("all", all, labels, inputSpec());
        Map<String, String> artistOf = new LinkedHashMap<>();
        for (Track t : all) if (t.artist() != null) artistOf.put(t.id(), t.artist());
        List<String> artists = artistOf.isEmpty() ? null : inputs.stream().map(t -> artistOf.get(t.id())).toList();
        Path run = runDir(out);
        Files.createDirectories(run);
        return DeepCrossValidation.run(inputs, artists, labels, inputSpec(), config, folds, listener, run.resolve("cv.json"));
    }

    /** Trains on the training part, chooses the epoch on the valid part, writes the bundle and the run's files. */
    public TrainResult run(TrainingListener listener) throws IOException {
        List<String> labels = data.trainingLabels();
        List<Track> validTracks = data.validation();
        InputSpec spec = inputSpec();
        InputLoader loader = loader(listener);
        long t0 = System.nanoTime();
        List<TrackInput> train = loader.load("train", data.part("train"), labels, spec), valid = loader.load("valid", validTracks, labels, spec);
        double inputSecs = (System.nanoTime() - t0) / 1e9;
        if (train.isEmpty() || valid.isEmpty()) throw new IOException("no " + (train.isEmpty() ? "training" : "validation") + " file could be read");
        Path run = runDir(out);
        Files.createDirectories(run);
        TrainResult r = new DeepTrainer(listener).train(train, valid, labels, spec, config, run.resolve("checkpoints"), resume);
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
        prov.put("dataset", data.spec().toString());
        prov.put("config", config);
        String name = out.getFileName().toString().replaceFirst("\\.[^.]+$", "");
        DeepBundle.write(out, r.model(), name, metrics, prov);
        DeepTrainer.JSON.writeValue(run.resolve("config.json").toFile(), Map.of("config", config, "input", spec, "labels", labels,
                "dataset", data.spec().toString()));
        Map<String, Object> m = new LinkedHashMap<>(metrics);
        m.put("history", r.history());
        DeepTrainer.JSON.writeValue(run.resolve("metrics.json").toFile(), m);
        CurvesPng.write(r.history(), r.bestEpoch(), config.arch().name(), run.resolve("curves.png"));
        LOG.log(System.Logger.Level.DEBUG, "best epoch {0}: validation accuracy {1} ({2} tracks); bundle {3}",
                r.bestEpoch(), r.bestValidAccuracy(), valid.size(), out);
        return r;
    }
}
