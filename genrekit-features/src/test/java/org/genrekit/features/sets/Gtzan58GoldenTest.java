package org.genrekit.features.sets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import org.genrekit.features.Golden;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** gtzan58 vectors of the golden inputs against librosa 0.11's recipe output. */
class Gtzan58GoldenTest {
    static final List<String> SYNTHETIC = List.of("a_sine1k", "b_chirp", "c_noise", "d_chord", "e_clicks");

    @Test
    void columnsAreTheKaggleOnes() throws IOException {
        List<String> golden = Files.readAllLines(Golden.librosa().resolve("_common/gtzan_columns.txt")).stream()
                .map(String::strip).filter(s -> !s.isEmpty()).toList();
        assertEquals(golden, new Gtzan58().columns());
        assertEquals(58, new Gtzan58().columns().size());
    }

    /** Per value: relative error, or 0 when within 1e-6 absolute. */
    static double[] relErrors(double[] ours, double[] golden) {
        double[] e = new double[golden.length];
        for (int i = 0; i < e.length; i++) {
            double d = Math.abs(ours[i] - golden[i]);
            e[i] = d <= 1e-6 ? 0 : d / Math.abs(golden[i]);
        }
        return e;
    }

    /** Plain relative errors (no absolute floor), values where librosa gives 0 left out. */
    static String plain(double[] ours, double[] golden) {
        double[] e = new double[golden.length];
        int n = 0;
        for (int i = 0; i < golden.length; i++) if (golden[i] != 0) e[n++] = Math.abs(ours[i] - golden[i]) / Math.abs(golden[i]);
        double[] a = Arrays.copyOf(e, n);
        return String.format("plain relative error: max %.2e, median %.2e", Arrays.stream(a).max().orElse(0), median(a));
    }

    static String report(String input, double[] ours, double[] golden, double[] err) {
        StringBuilder sb = new StringBuilder();
        List<String> cols = new Gtzan58().columns();
        for (int i = 0; i < err.length; i++) {
            if (err[i] > 1e-3) sb.append(String.format("  %s: ours %.6g librosa %.6g (%.2f%%)%n", cols.get(i), ours[i], golden[i], 100 * err[i]));
        }
        return sb.toString();
    }

    static double median(double[] v) {
        double[] c = v.clone();
        Arrays.sort(c);
        return c.length % 2 == 1 ? c[c.length / 2] : (c[c.length / 2 - 1] + c[c.length / 2]) / 2;
    }

    @Test
    void realMusicMatchesWithinOnePercent() {
        double[] golden = Golden.npy("g_music", "gtzan_features").data();
        double[] ours = new Gtzan58().extractDouble(Golden.signal("g_music"));
        double[] err = relErrors(ours, golden);
        double max = Arrays.stream(err).max().orElse(0);
        System.out.printf("gtzan58 g_music: max rel err %.3e, median %.3e (%s)%n%s", max, median(err), plain(ours, golden), report("g_music", ours, golden, err));
        assertTrue(max <= 0.01, "g_music gtzan58 max rel error " + max + "\n" + report("g_music", ours, golden, err));
        assertTrue(median(err) <= 0.001, "median " + median(err));
    }

    @ParameterizedTest
    @FieldSource("SYNTHETIC")
    void syntheticInputsAreReported(String input) {
        double[] golden = Golden.npy(input, "gtzan_features").data();
        double[] ours = new Gtzan58().extractDouble(Golden.signal(input));
        double[] err = relErrors(ours, golden);
        double max = Arrays.stream(err).max().orElse(0);
        System.out.printf("gtzan58 %s: max rel err %.3e, median %.3e (%s)%n%s", input, max, median(err), plain(ours, golden), report(input, ours, golden, err));
        // Near-constant signals make some variances ill-conditioned; the bulk must still agree.
        assertTrue(median(err) <= 0.001, input + " median rel error " + median(err));
        assertEquals(golden[0], ours[0], input + " length");
        assertEquals(golden[17], ours[17], Math.max(1e-9, 0.02 * golden[17]), input + " tempo");
    }
}
