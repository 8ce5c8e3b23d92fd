package org.genrekit.apps.cli.backbone;

import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.genrekit.apps.cli.Main;
import org.genrekit.backbone.store.BackboneHome;
import org.genrekit.backbone.store.BackboneSpec;
import org.genrekit.backbone.store.Backbones;
import org.genrekit.backbone.store.InstalledBackbone;
import picocli.CommandLine.Command;

/** {@code genrekit backbone list}: what is installed, and where to get what is not. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List installed backbones (size, checksum, licence, source) and where to download the others.")
public final class BackboneListCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.out.println("backbones folder: " + BackboneHome.backbones());
        int damaged = 0;
        for (BackboneSpec spec : BackboneSpec.KNOWN) {
            Optional<InstalledBackbone> b;
            try {
                b = Backbones.find(spec.name());
            } catch (UncheckedIOException e) {
                System.out.println(spec.name() + "  DAMAGED: " + BackboneCommand.message(e));
                damaged++;
                continue;
            }
            if (b.isPresent()) {
                InstalledBackbone i = b.get();
                System.out.println(spec.name() + "  installed in " + i.weightsFile().getParent());
                System.out.println("  what:     " + spec.title());
                System.out.println("  size:     " + i.bytes() + " bytes");
                System.out.println("  sha256:   " + i.sha256() + (i.sha256().equals(spec.sha256()) ? " (the published file)" : ""));
                System.out.println("  licence:  " + i.licence());
                System.out.println("  source:   " + i.source());
            } else {
                System.out.println(spec.name() + "  not installed");
                System.out.println("  what:     " + spec.title());
                System.out.println("  download: " + spec.url() + " (" + spec.bytes() + " bytes, sha256 " + spec.sha256() + ")");
                System.out.println("  licence:  " + spec.licence());
                System.out.println("  install:  genrekit backbone install " + spec.name() + " --from FILE   (or --url URL)");
            }
        }
        return damaged == 0 ? Main.EXIT_OK : Main.EXIT_FAILURE;
    }
}
