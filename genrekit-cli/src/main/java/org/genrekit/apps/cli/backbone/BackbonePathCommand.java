package org.genrekit.apps.cli.backbone;

import java.util.concurrent.Callable;
import org.genrekit.apps.cli.Main;
import org.genrekit.backbone.store.Backbones;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code genrekit backbone path NAME}: the installed backbone's folder (for scripts); an unknown or missing one is a user error. */
@Command(name = "path", mixinStandardHelpOptions = true, description = "Print the folder of an installed backbone.")
public final class BackbonePathCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "NAME", description = "Backbone name (mn04).")
    String name;

    @Override
    public Integer call() {
        System.out.println(Backbones.require(name).weightsFile().getParent());
        return Main.EXIT_OK;
    }
}
