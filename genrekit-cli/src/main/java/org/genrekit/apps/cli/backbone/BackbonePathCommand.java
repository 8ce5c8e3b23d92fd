package org.genrekit.apps.cli.backbone;

import java.util.concurrent.Callable;
import org.genrekit.apps.cli.Main;
import org.genrekit.backbone.store.BackboneSpec;
import org.genrekit.backbone.store.Backbones;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code genrekit backbone path NAME}: the installed backbone's folder (for scripts). */
@Command(name = "path", mixinStandardHelpOptions = true, description = "Print the folder of an installed backbone.")
public final class BackbonePathCommand implements Callable<Integer> {
    private static final String PREFIX = "genrekit backbone path: ";

    @Parameters(index = "0", paramLabel = "NAME", description = "Backbone name (mn04).")
    String name;

    @Override
    public Integer call() {
        try {
            BackboneSpec.require(name);
        } catch (IllegalArgumentException e) {
            System.err.println(PREFIX + e.getMessage());
            return Main.EXIT_USAGE;
        }
        try {
            System.out.println(Backbones.require(name).weightsFile().getParent());
            return Main.EXIT_OK;
        } catch (RuntimeException e) { // not installed, or a damaged record
            System.err.println(PREFIX + BackboneCommand.message(e));
            return Main.EXIT_FAILURE;
        }
    }
}
