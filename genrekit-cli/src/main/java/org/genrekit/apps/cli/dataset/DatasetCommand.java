package org.genrekit.apps.cli.dataset;

import org.genrekit.apps.cli.Subcommand;
import picocli.CommandLine.Command;

/** {@code genrekit dataset scan|info|split}. */
@Command(name = "dataset", description = "Inspect datasets: scan audio, show a spec's tracks and split, write split lists.",
        subcommands = {DatasetScanCommand.class, DatasetInfoCommand.class, DatasetSplitCommand.class})
public final class DatasetCommand implements Subcommand {
}
