package org.genrekit.apps.cli.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.genrekit.apps.cli.Main;
import org.genrekit.models.bundle.ModelBundles;
import org.genrekit.models.result.ResultJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code classify} takes folders and stdin, and the track-policy options. */
class ClassifyInputsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Path clip() {
        Path p = Path.of(System.getProperty("genrekit.shared", "../shared")).resolve("data/gtzan-mini/metal/metal.00000.wav");
        assumeTrue(Files.isRegularFile(p), p + " not found; skipping");
        return p;
    }

    /**
     * The built-in gtzan58 model as a file: with {@code --model} classify prints no once-per-JVM
     * backbone hint, which BackboneModelCommandsTest expects to see itself.
     */
    private static Path model(Path dir) throws Exception {
        Path m = dir.resolve("gtzan58.gkm");
        try (InputStream in = ModelBundles.class.getResourceAsStream(ModelBundles.DEFAULT_RESOURCE)) {
            Files.write(m, in.readAllBytes());
        }
        return m.toAbsolutePath();
    }

    private static List<JsonNode> lines(String out) throws Exception {
        List<JsonNode> l = new ArrayList<>();
        for (String s : out.strip().split("\n")) l.add(JSON.readTree(s));
        return l;
    }

    @Test
    void foldersAreWalkedAndStdinIsAFileNamedDash(@TempDir Path dir) throws Exception {
        Path clip = clip();
        Path music = Files.createDirectories(dir.resolve("music/sub"));
        Files.copy(clip, music.resolve("b.wav"));
        Files.copy(clip, music.getParent().resolve("a.wav"));
        Files.writeString(music.resolve("notes.txt"), "not audio, not picked up");
        ModelCommandsTest.Run r = ModelCommandsTest.run("classify", "--model", model(dir).toString(), "--json", "--top", "2", music.getParent().toString());
        assertEquals(Main.EXIT_OK, r.code(), r.err());
        List<JsonNode> answers = lines(r.out());
        assertEquals(List.of(music.getParent().resolve("a.wav").toAbsolutePath().toString(), music.resolve("b.wav").toAbsolutePath().toString()),
                answers.stream().map(j -> j.get("file").asText()).toList(), "audio files below the folder, in name order");
        for (JsonNode j : answers) {
            assertEquals(2, j.get("top").size());
            assertEquals(j.get("genre").asText(), j.get("top").get(0).get("genre").asText());
        }

        InputStream in = System.in;
        ModelCommandsTest.Run piped;
        try {
            System.setIn(new ByteArrayInputStream(Files.readAllBytes(clip)));
            piped = ModelCommandsTest.run("classify", "--model", model(dir).toString(), "--json", "-");
        } finally {
            System.setIn(in);
        }
        assertEquals(Main.EXIT_OK, piped.code(), piped.err());
        JsonNode fromStdin = lines(piped.out()).getFirst();
        assertEquals("-", fromStdin.get("file").asText());
        assertEquals(ResultJson.probabilities(answers.getFirst()), ResultJson.probabilities(fromStdin), "the same bytes, the same answer");
    }

    @Test
    void policyOptionsReachTheAnswerAndBadOnesAreUsageErrors(@TempDir Path dir) throws Exception {
        Path clip = clip();
        String m = model(dir).toString();
        ModelCommandsTest.Run r = ModelCommandsTest.run("classify", "--model", m, "--json", "--windows", "--window", "10", "--hop", "5", "--tail", "dropped",
                "--offset", "2", "--duration", "20", clip.toString());
        assertEquals(Main.EXIT_OK, r.code(), r.err());
        JsonNode j = lines(r.out()).getFirst();
        assertEquals(20.0, j.at("/windows/analysed_s").asDouble(), 1e-6);
        assertEquals(3, j.at("/windows/count").asInt(), "20 s in 10 s windows every 5 s: starts 0, 5, 10");
        assertEquals(5.0, j.at("/windows/items/1/start_s").asDouble(), 1e-9);
        assertEquals("dropped", j.at("/policy/tail").asText());
        assertEquals(2.0, j.at("/policy/offset_s").asDouble(), 0);

        ModelCommandsTest.Run bad = ModelCommandsTest.run("classify", "--model", m, "--hop", "20", "--window", "10", clip.toString());
        assertEquals(Main.EXIT_USAGE, bad.code());
        assertTrue(bad.err().contains("hop must be <= window (10.0 s), got 20.0 s: audio between windows would be skipped"), bad.err());
        ModelCommandsTest.Run top = ModelCommandsTest.run("classify", "--model", m, "--top", "0", clip.toString());
        assertEquals(Main.EXIT_USAGE, top.code());
        assertTrue(top.err().contains("--top must be >= 1, got 0"), top.err());
    }
}
