package org.genrekit.backbone.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.genrekit.backbone.weights.Tensor;

/**
 * Looks up installed backbones. An installed backbone is a folder {@code backbones/NAME/} holding
 * {@value #WEIGHTS} ({@link WeightsFile}) and {@value #INFO} (what was installed, from where).
 */
public final class Backbones {
    public static final String WEIGHTS = "weights.gkw";
    public static final String INFO = "backbone.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Backbones() {
    }

    /** The installed backbone of that name, if its folder is complete. */
    public static Optional<InstalledBackbone> find(String name) {
        Path dir = BackboneHome.dir(name);
        Path info = dir.resolve(INFO);
        Path weights = dir.resolve(WEIGHTS);
        if (!Files.isRegularFile(info) || !Files.isRegularFile(weights)) return Optional.empty();
        try {
            Map<?, ?> m = JSON.readValue(info.toFile(), Map.class);
            return Optional.of(new InstalledBackbone(name, weights, String.valueOf(m.get("sha256")),
                    ((Number) m.get("bytes")).longValue(), String.valueOf(m.get("source")), String.valueOf(m.get("licence"))));
        } catch (IOException | RuntimeException e) {
            throw new UncheckedIOException(new IOException(info + ": damaged backbone record (" + e.getMessage() + "); reinstall with: genrekit backbone install " + name, e));
        }
    }

    /** The installed backbone, or a {@link BackboneMissingException} naming {@code genrekit backbone install}. */
    public static InstalledBackbone require(String name) {
        return find(name).orElseThrow(() -> BackboneMissingException.of(BackboneSpec.require(name),
                "backbone " + name + " is not installed under " + BackboneHome.backbones()));
    }

    /** Every complete installation, by name. */
    public static List<InstalledBackbone> list() {
        List<InstalledBackbone> out = new ArrayList<>();
        for (BackboneSpec s : BackboneSpec.KNOWN) find(s.name()).ifPresent(out::add);
        return out;
    }

    public static Map<String, Tensor> loadWeights(InstalledBackbone b) throws IOException {
        return WeightsFile.read(b.weightsFile()).tensors();
    }
}
