package org.genrekit.apps.cli.features;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.genrekit.apps.cli.DataOption;
import org.genrekit.apps.cli.Main;
import org.genrekit.apps.cli.progress.ProgressBar;
import org.genrekit.audio.FailureRecord;
import org.genrekit.core.csv.CsvWriter;
import org.genrekit.apps.cli.RecipeOption;
import org.genrekit.data.Track;
import org.genrekit.data.TrackSource;
import org.genrekit.data.extract.FeatureExtraction;
import org.genrekit.data.extract.ParallelExtractor;
import org.genrekit.data.source.InputFiles;
import org.genrekit.data.spec.DatasetSpec;
import org.genrekit.data.spec.DatasetSpecs;
import org.genrekit.data.split.Segment;
import org.genrekit.data.store.FeatureStore;
import org.genrekit.data.store.StoreExtraction;
import org.genrekit.data.store.StoredRow;
import org.genrekit.data.table.FeatureTableWriter;
import org.genrekit.features.FeatureRecipe;
import org.genrekit.features.FeatureSet;
import org.genrekit.features.FeatureSets;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code genrekit features extract}: one feature row per file, on all cores.
 * <pre>
 *   genrekit features extract --recipe gtzan58 --out TABLE.csv INPUT...     (files, folders, manifest CSVs)
 *   genrekit features extract --data SPEC --recipe fma518 --store DIR [--out TABLE.csv]
 * </pre>
 * Exit code 0 when every file succeeded, 3 when some or all failed (listed in TABLE.errors.csv),
 * 2 on usage errors.
 */
@Command(name = "extract", mixinStandardHelpOptions = true,
        description = {"Extract a feature set from audio files, one row per file.",
                "Plain inputs write a CSV table (filename,<features>,label); --data SPEC --store DIR fills the persistent feature store"
                        + " (only new or changed files are extracted) and, with --out, writes the table too.",
                "Failed files go to TABLE.errors.csv with their reason; the other rows are written all the same."})
public final class FeaturesExtractCommand implements Callable<Integer> {
    @Mixin
    RecipeOption recipe;

    @Option(names = "--out", paramLabel = "TABLE.csv", description = "Output table (required without --store).")
    Path out;

    @Mixin
    DataOption data;

    @Option(names = "--store", paramLabel = "DIR", description = "Feature store folder (with --data).")
    Path store;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: all cores).")
    Integer threads;

    @Parameters(paramLabel = "INPUT", arity = "0..*", description = "Audio files, folders (recursive; label = first sub-folder) or manifest CSVs.")
    List<Path> inputs = new ArrayList<>();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private CommandLine.ParameterException usage(String msg) {
        return new CommandLine.ParameterException(spec.commandLine(), msg);
    }

    @Override
    public Integer call() throws Exception {
        String set = recipe.require();
        String dataset = data.orNull();
        if (dataset == null && inputs.isEmpty()) throw usage("give INPUT files/folders/manifests, or --data SPEC");
        if (dataset != null && !inputs.isEmpty()) throw usage("give either INPUT files or --data SPEC, not both");
        if (dataset == null && out == null) throw usage("--out TABLE.csv is required with INPUT files");
        if (dataset == null && store != null) throw usage("--store works with --data SPEC");
        if (dataset != null && store == null && out == null) throw usage("--data needs --store DIR and/or --out TABLE.csv");
        if (threads != null && threads < 1) throw usage("--threads must be >= 1, got " + threads);
        int n = threads != null ? threads : ParallelExtractor.defaultThreads();
        FeatureRecipe fr;
        try {
            fr = FeatureRecipe.parse(set);
        } catch (IllegalArgumentException e) {
            throw usage("--recipe: " + e.getMessage());
        }
        List<Segment> units = new ArrayList<>();
        try {
            if (dataset != null) {
                DatasetSpec ds = DatasetSpec.parse(dataset);
                if (!ds.isAudio()) throw usage("--data must name audio (a folder, GTZAN, FMA or a manifest), got a " + ds.kind().prefix());
                TrackSource src = DatasetSpecs.tracks(ds);
                for (String w : src.warnings()) System.err.println("warning: " + w);
                units.addAll(DatasetSpecs.segments(ds, src)); // whole tracks, or segments=NxT chunks
            } else {
                for (Track t : InputFiles.tracks(inputs)) units.add(Segment.whole(t, null));
            }
        } catch (IllegalArgumentException | IOException e) {
            throw usage(e.getMessage());
        }
        if (units.isEmpty()) throw usage("no audio files found in the input");
        // Built after the inputs are resolved: a backbone recipe (mn04) loads its network here.
        FeatureSet fs;
        try {
            fs = FeatureSets.create(fr);
        } catch (IllegalArgumentException e) {
            throw usage("--recipe: " + e.getMessage());
        }

        List<StoreExtraction.Failure> failures = new ArrayList<>();
        int ok;
        long t0 = System.nanoTime();
        if (store != null) {
            try (FeatureStore st = FeatureStore.open(store, fs.recipe(), fs.columns())) {
                StoreExtraction.Summary s = StoreExtraction.run(units, st, FeatureExtraction.compute(fs), n, fs.recipe().name());
                failures.addAll(s.failures());
                ok = s.reused() + s.extracted();
                System.err.printf(Locale.ROOT, "store %s: %d reused, %d extracted%n", st.dir(), s.reused(), s.extracted());
                if (out != null) writeFromStore(st, units, fs);
            }
        } else {
            ok = extractToTable(units, fs, n, failures);
        }
        Path errors = out != null ? FeatureTableWriter.errorsPath(out) : store.resolve("errors-" + fs.recipe().name() + ".csv");
        writeErrors(errors, failures);
        double secs = (System.nanoTime() - t0) / 1e9;
        System.err.printf(Locale.ROOT, "%s: %d files, %d ok, %d failed in %.1f s%s%s%n", fs.recipe().id(), units.size(), ok,
                failures.size(), secs, out != null ? "; table " + out : "", failures.isEmpty() ? "" : "; failures in " + errors);
        return failures.isEmpty() ? Main.EXIT_OK : Main.EXIT_PARTIAL;
    }

    private int extractToTable(List<Segment> units, FeatureSet fs, int n, List<StoreExtraction.Failure> failures) throws Exception {
        try (FeatureTableWriter w = new FeatureTableWriter(out, fs.columns());
             ProgressBar bar = new ProgressBar("extract " + fs.recipe().name(), units.size())) {
            ParallelExtractor.Result r = new ParallelExtractor<Segment>(n, true).run(units, FeatureExtraction.compute(fs),
                    new ParallelExtractor.Sink<>() {
                        @Override
                        public void accept(Segment s, float[] values) throws IOException {
                            w.write(rowName(s), values, s.track().label());
                        }

                        @Override
                        public void failed(Segment s, String reason, String detail) {
                            failures.add(new StoreExtraction.Failure(s, reason, detail));
                        }
                    }, bar);
            w.commit();
            return r.ok();
        }
    }

    private void writeFromStore(FeatureStore st, List<Segment> units, FeatureSet fs) throws IOException {
        Map<String, StoredRow> rows = st.readAll();
        try (FeatureTableWriter w = new FeatureTableWriter(out, fs.columns())) {
            for (Segment s : units) {
                String k = StoreExtraction.keyOf(s);
                StoredRow r = k == null ? null : rows.get(k);
                if (r != null) w.write(rowName(s), r.values(), s.track().label());
            }
            w.commit();
        }
    }

    /** The filename column: the file's name, or for a segment {@code stem.INDEX.ext} as in Kaggle's 3-second table. */
    static String rowName(Segment s) {
        String name = s.track().audio().getFileName().toString();
        if (s.isWhole()) return name;
        int dot = name.lastIndexOf('.');
        return dot < 0 ? name + "." + s.index() : name.substring(0, dot) + "." + s.index() + name.substring(dot);
    }

    /**
     * Writes the failures in the shared layout {@link FailureRecord#COLUMNS} (or removes a stale errors
     * file when there are none). Like the table, it goes through {@code .NAME.tmp}, which a stopped
     * run deletes and the next run replaces.
     */
    static void writeErrors(Path errors, List<StoreExtraction.Failure> failures) throws IOException {
        if (failures.isEmpty()) {
            Files.deleteIfExists(errors);
            Files.deleteIfExists(FeatureTableWriter.tempPath(errors)); // left by a run killed with SIGKILL
            return;
        }
        StringBuilder sb = new StringBuilder(CsvWriter.line(FailureRecord.COLUMNS)).append('\n');
        for (StoreExtraction.Failure f : failures) {
            Path p = f.segment().track().audio();
            FailureRecord r = new FailureRecord(p == null ? f.segment().trackId() : p.toString(), FailureRecord.stageOf(f.reason(), "features"),
                    f.reason(), f.detail());
            sb.append(CsvWriter.line(r.values())).append('\n');
        }
        FeatureTableWriter.writeAtomically(errors, sb.toString());
    }
}
