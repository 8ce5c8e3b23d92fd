package org.genrekit.apps.cli.features;

import org.genrekit.apps.cli.Subcommand;
import picocli.CommandLine.Command;

/** {@code genrekit features dump|extract}. */
@Command(name = "features", description = "Compute librosa-compatible features.",
        subcommands = {FeaturesDumpCommand.class, FeaturesExtractCommand.class})
public final class FeaturesCommand implements Subcommand {
}
