package org.genrekit.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.genrekit.models.bundle.ModelBundles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An executor without libsndfile and libsoxr (simulated with the switches that turn them off):
 * its rows, the job summary and its log say so once; {@code --require-native} fails the job with one line.
 */
class NativeFallbackTest {
    @Test
    void rowsAndSummarySayWhichDecoderAndResamplerRanAndRequireNativeFails(@TempDir Path tmp) throws Exception {
        Path in = Files.createDirectories(tmp.resolve("in"));
        Files.copy(LocalSpark.shared("gtzan-mini").resolve("blues/blues.00099.mp3"), in.resolve("blues.00099.mp3"));
        Path model = tmp.resolve("m.gkm");
        try (InputStream s = ModelBundles.class.getResourceAsStream(ModelBundles.DEFAULT_RESOURCE)) {
            Files.write(model, s.readAllBytes());
        }
        List<String> noNatives = List.of("-Dgenrekit.soxr=false", "-Dgenrekit.audio.sndfile=false", "-Dgenrekit.home=" + tmp.resolve("home"));
        List<String> args = new ArrayList<>(List.of("--master", "local[1]", "--model", model.toString(), "--input", in.toString(), "--format", "csv"));

        List<String> first = new ArrayList<>(args);
        first.addAll(List.of("--out", tmp.resolve("o1").toString()));
        Path log1 = tmp.resolve("run1.log");
        assertEquals(0, ChildJvm.run(ChildJvm.java(noNatives, SparkMain.class.getName(), first), log1, 300), () -> tail(log1));
        List<String> said = ChildJvm.genrekitLines(log1);
        assertTrue(said.contains("genrekit-spark: 1 rows decoded/resampled with ffmpeg/java-sinc"), said::toString);
        assertTrue(said.stream().anyMatch(l -> l.startsWith("genrekit-spark: warning: 1 rows come from executors without libsndfile/libsoxr")), said::toString);
        long warnings = Files.readAllLines(log1).stream().filter(l -> l.contains("WARN ExecutorChecks: genrekit-spark executor")).count();
        assertEquals(1, warnings, () -> "the executor says it once:\n" + tail(log1));
        JsonNode summary = new ObjectMapper().readTree(tmp.resolve("o1").resolve(OutputFolder.SUMMARY).toFile());
        assertEquals(1, summary.at("/natives/ffmpeg~1java-sinc").asInt(), summary::toString);
        assertEquals(1, summary.get("rows_without_native_libraries").asInt());
        List<String> csv = OutputFormatsTest.lines(tmp.resolve("o1"), ".csv");
        List<String> header = OutputFormatsTest.fields(csv.get(0));
        List<String> row = OutputFormatsTest.fields(csv.get(1));
        assertEquals("ffmpeg", row.get(header.indexOf("mp3_decoder")));
        assertEquals("java-sinc", row.get(header.indexOf("resampler")));

        List<String> strict = new ArrayList<>(args);
        strict.addAll(List.of("--out", tmp.resolve("o2").toString(), "--require-native"));
        Path log2 = tmp.resolve("run2.log");
        assertEquals(1, ChildJvm.run(ChildJvm.java(noNatives, SparkMain.class.getName(), strict), log2, 300), () -> tail(log2));
        List<String> last = ChildJvm.genrekitLines(log2);
        String msg = last.get(last.size() - 1);
        assertTrue(msg.startsWith("genrekit-spark: --require-native: executor "), msg);
        assertTrue(msg.contains("libsndfile.so.1 is not loadable") && msg.contains("disabled by -Dgenrekit.soxr=false"), msg);
    }

    private static String tail(Path log) {
        try {
            return ChildJvm.tail(log);
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }
}
