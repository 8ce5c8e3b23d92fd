package org.genrekit.apps.cli.models;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.genrekit.apps.cli.Main;
import org.genrekit.models.bundle.BundleInfo;
import org.genrekit.models.bundle.ModelBundles;
import org.genrekit.models.bundle.ModelLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code genrekit models info M.gkm}: what a bundle holds, as one JSON object. */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = {"Show what a model bundle holds, as one JSON object.",
                "Name, kind, labels, feature recipe, pipeline, training (rows, validation and CV figures, grid search, refit),",
                "provenance (data, its hash, seed, date, versions), size and SHA-256.",
                "The model is not built, so a bundle whose backbone is not installed can be inspected too. MODEL may be 'default'."})
public final class ModelsInfoCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Parameters(paramLabel = "MODEL", description = "a model bundle (.gkm) or default")
    String model;

    @Override
    public Integer call() throws Exception {
        BundleInfo b = ModelLoader.isDefault(model) ? ModelBundles.withDefault(BundleInfo::of) : BundleInfo.read(Path.of(model));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("file", model);
        out.put("kind", b.kind());
        out.putAll(b.manifest());
        out.put("bytes", b.bytes());
        out.put("sha256", b.sha256());
        System.out.println(JSON.writeValueAsString(out));
        return Main.EXIT_OK;
    }
}
