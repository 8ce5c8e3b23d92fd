package org.genrekit.apps.cli.deep;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.genrekit.apps.cli.Main;
import org.genrekit.deep.train.TrainJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code genrekit deep train --manifest CSV --arch A --out MODEL.gkm}. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train a network on log-mel spectrograms (or pictures / feature vectors) and write a model bundle.",
                "--arch mn04-head puts a head on the installed mn04 backbone (genrekit backbone install mn04); --fine-tune N also trains its last N blocks.",
                "Checkpoints, config.json, metrics.json and curves.png go to OUT.run/ beside the bundle."})
public final class DeepTrainCommand implements Callable<Integer> {
    @Mixin
    TrainOptions options;
    @Option(names = "--out", required = true, description = "Bundle to write (e.g. deep.gkm).")
    Path out;
    @Option(names = "--resume", description = "Continue the interrupted run whose checkpoints are in OUT.run/checkpoints.")
    boolean resume;
    @Option(names = {"-q", "--quiet"}, description = "No progress bars: one line per epoch.")
    boolean quiet;

    @Override
    public Integer call() {
        try {
            TrainJob job = options.job(options.config(), out, resume);
            job.run(System.err, !quiet, 2);
            return Main.EXIT_OK;
        } catch (IllegalArgumentException e) {
            System.err.println("genrekit deep train: " + e.getMessage());
            return Main.EXIT_USAGE;
        } catch (Exception e) {
            System.err.println("genrekit deep train: " + e);
            return Main.EXIT_FAILURE;
        }
    }
}
