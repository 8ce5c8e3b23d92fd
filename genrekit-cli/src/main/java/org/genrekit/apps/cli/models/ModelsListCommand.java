package org.genrekit.apps.cli.models;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.genrekit.apps.cli.Main;
import org.genrekit.backbone.store.BackboneSpec;
import org.genrekit.backbone.store.Backbones;
import org.genrekit.backbone.store.InstalledBackbone;
import org.genrekit.models.bundle.BundleInfo;
import org.genrekit.models.bundle.ModelBundles;
import org.genrekit.models.bundle.ModelLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code genrekit models list}: the built-in model, the backbones, and the bundles in a folder. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = {"List the built-in model, the pretrained backbones and the model bundles in a folder.",
                "The built-in model is what --model default is on this machine; backbones show whether they are installed;",
                "each bundle (*.gkm) shows its genres and feature recipe. Exit 1 when a bundle there cannot be read."})
public final class ModelsListCommand implements Callable<Integer> {
    @Option(names = "--dir", paramLabel = "DIR", defaultValue = ".", description = "folder whose bundles to list (default: the current folder)")
    Path dir;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (!Files.isDirectory(dir)) throw new CommandLine.ParameterException(spec.commandLine(), "--dir " + dir + " is not a folder");
        PrintStream out = System.out;
        out.println("built-in models:");
        BundleInfo builtin = ModelBundles.withDefault(BundleInfo::of);
        out.println("  " + ModelLoader.DEFAULT + "  " + describe(builtin) + (ModelBundles.backboneDefaultAvailable() ? " (on the installed mn04 backbone)"
                : " (gtzan58 features; installing the mn04 backbone makes the stronger backbone model the default)"));
        out.println("backbones:");
        for (BackboneSpec s : BackboneSpec.KNOWN) {
            Optional<InstalledBackbone> b;
            try {
                b = Backbones.find(s.name());
            } catch (UncheckedIOException e) {
                out.println("  " + s.name() + "  damaged: " + e.getMessage());
                continue;
            }
            out.println("  " + s.name() + "  " + (b.isPresent() ? "installed in " + b.get().weightsFile().getParent() : "not installed (genrekit backbone list says where to get it)"));
        }
        out.println("bundles in " + dir + ":");
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".gkm")).sorted().toList();
        }
        if (files.isEmpty()) out.println("  (none)");
        int damaged = 0;
        for (Path f : files) {
            try {
                out.println("  " + f.getFileName() + "  " + describe(BundleInfo.read(f)));
            } catch (IOException e) {
                out.println("  " + f.getFileName() + "  cannot be read: " + e.getMessage());
                damaged++;
            }
        }
        return damaged == 0 ? Main.EXIT_OK : Main.EXIT_FAILURE;
    }

    private static String describe(BundleInfo b) {
        return b.name() + ", " + b.kind() + ", " + b.labels().size() + " genres, recipe " + b.recipe();
    }
}
