package org.genrekit.backbone;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.genrekit.backbone.weights.NpzReader;
import org.genrekit.backbone.weights.Tensor;

/** The reference mn04 weights and outputs in ../shared/pretrained; tests skip when they are absent. */
public final class SharedBackbone {
    private static Map<String, Tensor> weights;

    private SharedBackbone() {
    }

    public static Path dir() {
        String p = System.getProperty("genrekit.shared");
        Path d = p == null ? null : Path.of(p, "pretrained", "efficientat-mn04-as");
        assumeTrue(d != null && Files.isRegularFile(d.resolve("state_dict.npz")),
                "the mn04 reference weights are not in ../shared/pretrained/efficientat-mn04-as (genrekit.shared=" + p + "); skipping");
        return d;
    }

    public static Path golden(String input) {
        return dir().resolve("golden").resolve(input);
    }

    /** The reference tensors (read once per test JVM). */
    public static synchronized Map<String, Tensor> weights() {
        if (weights == null) {
            try {
                weights = NpzReader.read(dir().resolve("state_dict.npz"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return weights;
    }
}
