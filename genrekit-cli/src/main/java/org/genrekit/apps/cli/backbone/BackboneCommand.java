package org.genrekit.apps.cli.backbone;

import org.genrekit.apps.cli.Subcommand;
import picocli.CommandLine.Command;

/** {@code genrekit backbone install|list|path}: pretrained audio networks the user installs. */
@Command(name = "backbone", description = {"Install and list pretrained audio backbones (e.g. EfficientAT mn04).",
        "Their weights are not part of Genrekit: download them from their authors, then install them here."},
        subcommands = {BackboneInstallCommand.class, BackboneListCommand.class, BackbonePathCommand.class})
public final class BackboneCommand implements Subcommand {
    /** One line for any failure: the message, or the exception's name when it has none. */
    static String message(Throwable e) {
        if (e instanceof java.io.UncheckedIOException u && u.getCause() != null) return message(u.getCause());
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.toString() : m.replace('\n', ' ');
    }
}
