package org.genrekit.apps.cli.features;

import org.genrekit.apps.cli.Subcommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code genrekit features dump|extract}. */
@Command(name = "features", description = "Compute librosa-compatible features.",
        subcommands = {FeaturesDumpCommand.class, FeaturesExtractCommand.class})
public final class FeaturesCommand implements Runnable, Subcommand {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.err);
    }
}
