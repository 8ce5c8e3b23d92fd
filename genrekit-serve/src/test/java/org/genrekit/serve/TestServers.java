package org.genrekit.serve;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/** Helpers shared by the service tests: a client, multipart bodies, temp-dir checks. */
final class TestServers {
    static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private TestServers() {
    }

    static ServeConfig config(Path tempDir) {
        return ServeConfig.defaults().withPort(0).withWorkers(2).withQueue(2).withTempDir(tempDir);
    }

    static GenreServer start(ServeConfig config, long delayMillis) {
        return new GenreServer(config, List.of(new StatsClassifier("stats", delayMillis), new StatsClassifier("stats-b", 0)),
                new WavDecoder(), new TestRenderer()).start();
    }

    static URI uri(GenreServer s, String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + s.port() + pathAndQuery);
    }

    static HttpResponse<String> get(GenreServer s, String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(s, path)).timeout(Duration.ofSeconds(30));
        if (headers.length > 0) b.headers(headers);
        return CLIENT.send(b.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> postRaw(GenreServer s, String path, byte[] body, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(s, path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/octet-stream");
        for (int i = 0; i + 1 < headers.length; i += 2) b.setHeader(headers[i], headers[i + 1]);
        return CLIENT.send(b.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static final String BOUNDARY = "----genrekit-test-boundary-7MA4YWxkTrZu0gW";

    /** A multipart/form-data body with a file part named {@code fileField} and text fields (name, value pairs). */
    static byte[] multipart(String fileField, byte[] file, String... fields) {
        var out = new java.io.ByteArrayOutputStream();
        for (int i = 0; i + 1 < fields.length; i += 2) {
            out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + fields[i] + "\"\r\n\r\n"
                    + fields[i + 1] + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        if (fileField != null) {
            out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + fileField
                    + "\"; filename=\"song.wav\"\r\nContent-Type: audio/wav\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.writeBytes(file);
            out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    static HttpResponse<String> postMultipart(GenreServer s, String path, byte[] body, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(s, path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY);
        if (headers.length > 0) b.headers(headers);
        return CLIENT.send(b.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * The value of the Prometheus sample {@code name} whose labels include {@code labels}
     * ("key", "value" pairs, in any order), or NaN when /metrics has none.
     */
    static double metric(String scrape, String name, String... labels) {
        for (String line : scrape.split("\n")) {
            if (sampleOf(line, name, labels)) return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
        }
        return Double.NaN;
    }

    /** The sum of every sample {@code name} whose labels include {@code labels} (e.g. all heap pools), 0 when none. */
    static double metricSum(String scrape, String name, String... labels) {
        double sum = 0;
        for (String line : scrape.split("\n")) {
            if (sampleOf(line, name, labels)) sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
        }
        return sum;
    }

    private static boolean sampleOf(String line, String name, String... labels) {
        if (line.startsWith("#") || !(line.startsWith(name + "{") || line.startsWith(name + " "))) return false;
        for (int i = 0; i + 1 < labels.length; i += 2) {
            String pair = labels[i] + "=\"" + labels[i + 1] + "\"";
            if (!line.contains("{" + pair) && !line.contains("," + pair)) return false;
        }
        return true;
    }

    static double metric(GenreServer s, String name, String... labels) throws IOException, InterruptedException {
        return metric(get(s, "/metrics").body(), name, labels);
    }

    static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        }
    }
}
