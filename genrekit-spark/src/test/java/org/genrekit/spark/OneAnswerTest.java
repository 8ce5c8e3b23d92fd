package org.genrekit.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.genrekit.apps.cli.Main;
import org.genrekit.audio.AudioLoader;
import org.genrekit.models.bundle.ModelBundles;
import org.genrekit.models.result.ResultJson;
import org.genrekit.serve.AudioDecoder;
import org.genrekit.serve.GenreServer;
import org.genrekit.serve.ServeConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12's "one answer": one full-length song and one model give the same probabilities from
 * {@code classify --json}, the HTTP API, {@code batch} JSON Lines and this Spark job, because all
 * four predict through the one track policy; and every one of those outputs conforms to
 * docs/result.schema.json. The model is the built-in gtzan58 bundle (no backbone weights needed).
 */
class OneAnswerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A real song of 2:43 (librosa's "Fishin' Blues"): six 30 s windows and a tail. */
    private static final String SONG = "librosa/fishin.ogg";

    @Test
    void classifyTheApiBatchAndSparkGiveOneAnswer(@TempDir Path tmp) throws Exception {
        Path song = LocalSpark.shared("ood").resolve(SONG);
        assumeTrue(Files.isRegularFile(song), song + " not found; skipping");
        double seconds = AudioLoader.probe(song).durationSeconds();
        assertTrue(seconds > 60, "a full-length song, not a clip: " + seconds + " s");
        Path model = tmp.resolve("gtzan58.gkm");
        try (InputStream in = ModelBundles.class.getResourceAsStream(ModelBundles.DEFAULT_RESOURCE)) {
            Files.write(model, in.readAllBytes());
        }

        JsonNode classify = JSON.readTree(cli("classify", "--json", "--model", model.toString(), song.toString()).strip());
        JsonNode api = api(model, song, tmp);
        Path batchOut = tmp.resolve("batch.jsonl");
        cli("batch", "--model", model.toString(), "--threads", "1", "--out", batchOut.toString(), song.toString());
        JsonNode batch = JSON.readTree(Files.readAllLines(batchOut).getFirst());
        JsonNode spark = spark(model, song, tmp);

        Map<String, JsonNode> answers = new LinkedHashMap<>();
        answers.put("classify --json", classify);
        answers.put("HTTP API", api);
        answers.put("batch JSONL", batch);
        answers.put("Spark JSONL", spark);
        SchemaCheck schema = SchemaCheck.fromDocs();
        Map<String, Double> expected = ResultJson.probabilities(classify);
        assertEquals(10, expected.size(), classify.toString());
        for (var e : answers.entrySet()) {
            JsonNode a = e.getValue();
            assertEquals(List.of(), schema.problems(a), e.getKey() + " does not conform to docs/result.schema.json: " + a);
            Map<String, Double> p = ResultJson.probabilities(a);
            assertEquals(expected.keySet(), p.keySet(), e.getKey());
            for (String label : expected.keySet()) assertEquals(expected.get(label), p.get(label), 1e-6, e.getKey() + ": " + label);
            assertEquals(classify.get("genre").asText(), a.get("genre").asText(), e.getKey());
            assertEquals(classify.get("model"), a.get("model"), e.getKey() + ": the same model, named alike");
            assertEquals(classify.get("policy"), a.get("policy"), e.getKey() + ": the same policy");
            assertEquals(classify.at("/windows/count").asInt(), a.at("/windows/count").asInt(), e.getKey());
            assertEquals(seconds, a.at("/windows/analysed_s").asDouble(), 0.05, e.getKey() + ": the whole song is analysed");
        }
        // the song is longer than one window, so the policy really combined windows (tail included)
        assertEquals((int) (seconds / 30) + 1, classify.at("/windows/count").asInt());
        assertEquals(ModelBundles.sha256(ModelBundles.load(model)).orElseThrow(), classify.at("/model/sha256").asText());
    }

    /** Runs a genrekit command in this JVM; its stdout. */
    private static synchronized String cli(String... args) {
        PrintStream out = System.out;
        ByteArrayOutputStream bo = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(bo, true, StandardCharsets.UTF_8));
            int code = Main.execute(args);
            assertEquals(Main.EXIT_OK, code, String.join(" ", args));
        } finally {
            System.setOut(out);
        }
        return bo.toString(StandardCharsets.UTF_8);
    }

    /** The song uploaded to a server started here (whole files analysed, the server's other limits as shipped). */
    private static JsonNode api(Path model, Path song, Path tmp) throws Exception {
        ServeConfig config = ServeConfig.defaults().withPort(0).withTempDir(Files.createDirectories(tmp.resolve("uploads")));
        try (GenreServer server = new GenreServer(config, List.of(ModelBundles.load(model)), AudioDecoder.ffmpeg(), null).start()) {
            HttpRequest post = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/v1/classify"))
                    .header("Content-Type", "audio/ogg").POST(HttpRequest.BodyPublishers.ofFile(song)).build();
            HttpResponse<String> r = HttpClient.newHttpClient().send(post, HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), r.body());
            return JSON.readTree(r.body());
        }
    }

    /** The song through the Spark job in local mode, JSON Lines out. */
    private static JsonNode spark(Path model, Path song, Path tmp) throws Exception {
        Path out = tmp.resolve("spark");
        DriverModel dm = DriverModel.of(model.getFileName().toString(), Files.readAllBytes(model));
        ClassifierSource src = dm.ship(JavaSparkContext.fromSparkContext(LocalSpark.session().sparkContext()));
        new GenreSparkJob(LocalSpark.session(), new SparkJobConfig(List.of(song.toString()), null, out.toString(), null, 10,
                OutputFormat.JSONL, false), src).run();
        List<String> lines = OutputFormatsTest.lines(out, ".json");
        assertEquals(1, lines.size(), lines.toString());
        return JSON.readTree(lines.getFirst());
    }
}
