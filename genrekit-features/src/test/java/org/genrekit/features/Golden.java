package org.genrekit.features;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.genrekit.audio.Signal;
import org.genrekit.features.io.Npy;
import org.genrekit.features.io.NpyArray;

/** Access to ../shared/golden for tests; skips (assumption) when the shared folder is absent. */
public final class Golden {
    /** The 22050 Hz inputs whose golden {@code y.npy} is the test input. */
    public static final List<String> INPUTS_22K = List.of("a_sine1k", "b_chirp", "c_noise", "d_chord", "e_clicks", "g_music");

    private Golden() {
    }

    public static Path shared() {
        String p = System.getProperty("genrekit.shared");
        Path dir = p == null ? null : Path.of(p);
        assumeTrue(dir != null && Files.isDirectory(dir.resolve("golden")),
                "shared reference data not found (system property genrekit.shared=" + p + "); skipping");
        return dir;
    }

    public static Path librosa() {
        return shared().resolve("golden/librosa");
    }

    public static NpyArray npy(String input, String name) {
        try {
            return Npy.read(librosa().resolve(input).resolve(name + ".npy"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Signal signal(String input) {
        return new Signal(npy(input, "y").toFloatArray(), 22050);
    }

    /** ||a - b|| / ||b|| over all values. */
    public static double relL2(float[][] a, float[][] b) {
        if (a.length != b.length || a[0].length != b[0].length) {
            throw new AssertionError("shape " + a.length + "x" + a[0].length + " != " + b.length + "x" + b[0].length);
        }
        double num = 0;
        double den = 0;
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[i].length; j++) {
                double d = (double) a[i][j] - b[i][j];
                num += d * d;
                den += (double) b[i][j] * b[i][j];
            }
        }
        return den == 0 ? Math.sqrt(num) : Math.sqrt(num / den);
    }

    public static double relL2(float[] a, float[] b) {
        return relL2(new float[][] {a}, new float[][] {b});
    }
}
