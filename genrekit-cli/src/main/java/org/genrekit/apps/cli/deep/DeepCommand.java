package org.genrekit.apps.cli.deep;

import org.genrekit.apps.cli.Subcommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code genrekit deep train|search|eval} (the speed benchmark is bench/deep.sh, genrekit-bench). */
@Command(name = "deep", description = "Deep networks on log-mel spectrograms: train, Hyperband search, evaluate.",
        subcommands = {DeepTrainCommand.class, DeepSearchCommand.class, DeepEvalCommand.class})
public final class DeepCommand implements Runnable, Subcommand {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.err);
    }
}
