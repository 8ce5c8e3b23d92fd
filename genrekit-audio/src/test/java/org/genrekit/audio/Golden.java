package org.genrekit.audio;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where ../shared is, and small signal comparisons. */
final class Golden {
    private Golden() {
    }

    /** ../shared, or the test is skipped with a message saying why. */
    static Path shared() {
        String p = System.getProperty("genrekit.shared");
        assumeTrue(p != null && Files.isDirectory(Path.of(p, "golden")),
                "skipped: ../shared (golden librosa outputs) not found at " + p);
        return Path.of(p);
    }

    static Path audio(String name) {
        return shared().resolve("golden/audio").resolve(name);
    }

    static Path librosa(String input, String file) {
        return shared().resolve("golden/librosa").resolve(input).resolve(file);
    }

    /** 10 log10(|ref|^2 / |x - ref|^2); +Inf when identical. */
    static double snrDb(float[] x, float[] ref) {
        if (x.length != ref.length) {
            throw new IllegalArgumentException("lengths differ: " + x.length + " vs " + ref.length);
        }
        double s = 0;
        double e = 0;
        for (int i = 0; i < x.length; i++) {
            s += (double) ref[i] * ref[i];
            double d = (double) x[i] - ref[i];
            e += d * d;
        }
        return 10 * Math.log10(s / e);
    }

    static double maxAbsDiff(float[] x, float[] ref) {
        double m = 0;
        for (int i = 0; i < Math.min(x.length, ref.length); i++) {
            m = Math.max(m, Math.abs((double) x[i] - ref[i]));
        }
        return m;
    }
}
