package org.genrekit.deep.input;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.genrekit.audio.AudioLoader;
import org.genrekit.audio.LoadOptions;
import org.genrekit.audio.Signal;
import org.genrekit.core.progress.ProgressListener;
import org.genrekit.deep.arch.ArchSpec.InputKind;
import org.genrekit.features.FeatureSet;
import org.genrekit.features.FeatureSets;

/**
 * Makes network inputs from audio files: decodes, computes the recipe's plane (log-mel, picture or
 * feature vector) through the cache, on several threads. A file that fails is reported and skipped.
 */
public final class InputLoader {
    private final SpectrogramCache cache;
    private final PrintStream log;
    private final int threads;

    public InputLoader(SpectrogramCache cache, PrintStream log, int threads) {
        this.cache = cache;
        this.log = log;
        this.threads = Math.max(1, threads);
    }

    /** The plane of one signal for an input spec (no cache). */
    public static float[][] plane(InputSpec spec, Signal signal) {
        return switch (spec.kind()) {
            case SPECTROGRAM -> new LogMelFrontEnd(LogMelRecipe.from(spec.recipe())).compute(signal);
            // The picture recipe is the log-mel recipe plus an "image" size parameter.
            case IMAGE -> Images.fromLogMel(new LogMelFrontEnd(LogMelRecipe.from(spec.recipe())).compute(signal), spec.rows(), spec.width());
            case VECTOR -> column(FeatureSets.create(spec.recipe()).extract(signal));
            case BACKBONE_MEL -> BackboneMel.compute(signal);
        };
    }

    static float[][] column(float[] v) {
        float[][] p = new float[v.length][1];
        for (int i = 0; i < v.length; i++) p[i][0] = v[i];
        return p;
    }

    /** How audio must be decoded for a spec. */
    public static LoadOptions loadOptions(InputSpec spec) {
        if (spec.kind() == InputKind.VECTOR) {
            FeatureSet fs = FeatureSets.create(spec.recipe());
            return fs.loadOptions();
        }
        if (spec.kind() == InputKind.BACKBONE_MEL) return BackboneMel.loadOptions();
        return LoadOptions.atRate(LogMelRecipe.from(spec.recipe()).sampleRate());
    }

    /** Loads every entry's input; labels index into {@code labels}. Failed files are reported on the log and left out. */
    public List<TrackInput> load(List<Manifest.Entry> entries, List<String> labels, InputSpec spec) throws IOException {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        // Advanced from the pool threads: the shared bar is thread-safe.
        ProgressListener.Stage bar = ProgressListener.current().start("inputs", entries.size());
        try {
            List<Future<TrackInput>> fs = new ArrayList<>();
            LoadOptions opts = loadOptions(spec);
            String key = spec.recipe().id();
            for (Manifest.Entry e : entries) {
                fs.add(pool.submit(() -> {
                    try {
                        float[][] p = cache.get(e.file(), key);
                        if (p == null) {
                            p = plane(spec, AudioLoader.load(e.file(), opts));
                            cache.put(e.file(), key, p);
                        }
                        bar.step();
                        return new TrackInput(e.file().toString(), labels.indexOf(e.label()), p);
                    } catch (Exception ex) {
                        log.printf(Locale.ROOT, "%nskipped %s: %s%n", e.file(), ex.getMessage());
                        bar.fail();
                        return null;
                    }
                }));
            }
            List<TrackInput> out = new ArrayList<>();
            for (Future<TrackInput> f : fs) {
                TrackInput t = f.get();
                if (t != null) out.add(t);
            }
            bar.end(String.format(Locale.ROOT, "inputs: %d of %d files", out.size(), entries.size()));
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IOException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
