package org.genrekit.apps.cli.models;

import org.genrekit.apps.cli.Subcommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code genrekit models list|info}: which models there are and what a bundle holds. */
@Command(name = "models", description = "List the built-in models, installed backbones and bundles in a folder; show what a bundle holds.",
        subcommands = {ModelsListCommand.class, ModelsInfoCommand.class})
public final class ModelsCommand implements Runnable, Subcommand {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.err);
    }
}
