package org.genrekit.apps.cli.dataset;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.genrekit.apps.cli.DataOption;
import org.genrekit.apps.cli.Main;
import org.genrekit.data.TrackSource;
import org.genrekit.data.scan.DatasetScanner;
import org.genrekit.data.scan.ScanResult;
import org.genrekit.data.spec.DatasetSpecs;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code genrekit dataset scan --data SPEC [--deep] [--csv OUT]}. */
@Command(name = "scan", mixinStandardHelpOptions = true,
        description = {"Check every file of a dataset in parallel, never stopping on a bad one.",
                "Prints tracks per genre, total/min/max duration, sample rates, and every unreadable or too-short file with its reason;"
                        + " exit code 3 when some files are not fine."})
public final class DatasetScanCommand implements Callable<Integer> {
    @Mixin
    DataOption data;

    @Parameters(index = "0", arity = "0..1", hidden = true, paramLabel = "SPEC", description = "The dataset spec (older form of --data).")
    String positional;

    @Option(names = "--deep", description = "Decode every file completely (slower; finds corrupt data past the header).")
    boolean deep;

    @Option(names = "--csv", paramLabel = "OUT", description = "Write the unreadable and too-short files to this CSV.")
    Path csv;

    @Option(names = "--min-seconds", paramLabel = "S",
            description = "Shorter files are reported as too short (default: 95%% of the dataset's clip length, 28.5 s for GTZAN/FMA clips; else 1 s).")
    Double minSeconds;

    @Option(names = "--threads", paramLabel = "N", description = "Parallel workers (default: 2 per core for headers, 1 per core with --deep).")
    Integer threads;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        TrackSource src;
        try {
            src = DatasetSpecs.tracks(data.require(positional));
        } catch (IllegalArgumentException | java.io.IOException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        for (String w : src.warnings()) System.err.println("warning: " + w);
        int cores = Runtime.getRuntime().availableProcessors();
        int n = threads != null ? threads : deep ? cores : 2 * cores;
        double min = minSeconds != null ? minSeconds : DatasetScanner.defaultMinSeconds(src);
        DatasetScanner.Options o;
        try {
            o = new DatasetScanner.Options(deep, n, min);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        long t0 = System.nanoTime();
        List<ScanResult> rs = DatasetScanner.scan(src, o);
        System.out.print(DatasetScanner.report(src.name(), rs, o, (System.nanoTime() - t0) / 1e9));
        if (csv != null) {
            DatasetScanner.writeProblems(csv, rs);
            System.out.println("problems written to " + csv);
        }
        return rs.stream().allMatch(ScanResult::ok) ? Main.EXIT_OK : Main.EXIT_PARTIAL;
    }
}
