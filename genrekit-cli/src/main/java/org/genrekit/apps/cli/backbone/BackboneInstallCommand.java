package org.genrekit.apps.cli.backbone;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.genrekit.apps.cli.Main;
import org.genrekit.apps.cli.UsageException;
import org.genrekit.backbone.store.BackboneInstaller;
import org.genrekit.backbone.store.BackboneSpec;
import org.genrekit.backbone.store.Downloader;
import org.genrekit.backbone.store.InstalledBackbone;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code genrekit backbone install NAME (--from FILE | --url URL) [--sha256 HEX]}. */
@Command(name = "install", mixinStandardHelpOptions = true,
        description = {"Install a backbone's weights from a file you downloaded (--from) or from a URL (--url).",
                "The file must be the published one (checked by its SHA-256); for an .npz of the same tensors or another copy you trust, give its own SHA-256 with --sha256."})
public final class BackboneInstallCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "NAME", description = "Backbone to install (mn04).")
    String name;

    @Option(names = "--from", paramLabel = "FILE", description = "The downloaded weights: the published .pt, or an .npz of the same tensors.")
    Path from;

    @Option(names = "--url", paramLabel = "URL", description = "Download the weights from this http(s) URL, then install them.")
    String url;

    @Option(names = "--sha256", paramLabel = "HEX", description = "SHA-256 of the file when it is not the published .pt (e.g. an .npz).")
    String sha256;

    @Override
    public Integer call() throws IOException, InterruptedException {
        BackboneSpec spec = BackboneSpec.require(name);
        if ((from == null) == (url == null)) throw new UsageException("give the weights with --from FILE or --url URL (one of the two)");
        InstalledBackbone b = from != null ? BackboneInstaller.install(spec, from, sha256, null) : download(spec);
        System.out.println("installed " + b.name() + " in " + b.weightsFile().getParent());
        System.out.println("  from:    " + b.source() + " (" + b.bytes() + " bytes)");
        System.out.println("  sha256:  " + b.sha256());
        System.out.println("  licence: " + b.licence());
        return Main.EXIT_OK;
    }

    private InstalledBackbone download(BackboneSpec spec) throws IOException, InterruptedException {
        try (DownloadBar bar = new DownloadBar("download " + spec.name() + " (KiB)")) {
            return new Downloader().install(spec, url, sha256, bar);
        }
    }
}
