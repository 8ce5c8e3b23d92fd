package org.genrekit.serve;

import static org.genrekit.serve.TestServers.*;
import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenreServerTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final byte[] TONE = WavDecoder.wav("tone", 5, 22050);
    static final byte[] NOISE = WavDecoder.wav("noise", 3, 22050);

    @TempDir
    Path temp;
    GenreServer server;

    @AfterEach
    void stop() {
        if (server != null) server.close();
    }

    static JsonNode json(HttpResponse<String> r) throws IOException {
        return JSON.readTree(r.body());
    }

    static void assertError(HttpResponse<String> r, int status, String error) throws IOException {
        assertEquals(status, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), r.headers().toString());
        JsonNode j = json(r);
        assertEquals(error, j.path("error").asText(), r.body());
        assertFalse(j.path("detail").asText().isBlank(), "detail is empty: " + r.body());
    }

    @Test
    void classifiesARawUpload() throws Exception {
        server = start(config(temp), 0);
        HttpResponse<String> r = postRaw(server, GenreServer.CLASSIFY, TONE);
        assertEquals(200, r.statusCode(), r.body());
        JsonNode j = json(r);
        assertEquals("classical", j.path("genre").asText());
        double sum = 0;
        for (String label : StatsClassifier.LABELS) sum += j.path("probabilities").path(label).asDouble(-1);
        assertEquals(1.0, sum, 1e-5);
        assertEquals(ClassifyRequest.DEFAULT_TOP, j.path("top").size());
        assertEquals("classical", j.path("top").get(0).path("genre").asText());
        assertEquals("stats", j.path("model").path("name").asText());
        assertEquals("test-1", j.path("model").path("version").asText());
        assertTrue(j.path("model").path("sha256").isNull(), "a model built in memory has no bundle hash: " + r.body());
        for (String t : List.of("receive_ms", "queue_ms", "decode_ms", "feature_ms", "predict_ms", "total_ms")) {
            assertTrue(j.path("timings").path(t).asDouble(-1) >= 0, "timing " + t + " missing: " + r.body());
        }
        assertTrue(j.path("windows").path("items").isMissingNode(), "windows only when asked");
        assertEquals(1, j.path("windows").path("count").asInt(), "5 s is one window of the default 30 s");
        assertTrue(j.path("spectrogram").isMissingNode(), "spectrogram only when asked");
        assertEquals(5.0, j.path("windows").path("analysed_s").asDouble(), 1e-9);
        assertEquals("-", j.path("file").asText(), "a raw upload has no name");
        assertEquals(List.of(), files(temp), "upload not removed");
    }

    @Test
    void multipartWithModelSegmentsAndSpectrogram() throws Exception {
        server = start(config(temp), 0);
        byte[] body = multipart("file", NOISE, "model", "stats-b", "windows", "true");
        HttpResponse<String> r = postMultipart(server, GenreServer.CLASSIFY + "?spectrogram=true&window=1&top=2", body);
        assertEquals(200, r.statusCode(), r.body());
        JsonNode j = json(r);
        assertEquals("rock", j.path("genre").asText());
        assertEquals("stats-b", j.path("model").path("name").asText());
        assertEquals("song.wav", j.path("file").asText());
        assertEquals(2, j.path("top").size());
        assertEquals(1.0, j.path("policy").path("window_s").asDouble(), 1e-9);
        JsonNode segs = j.path("windows").path("items");
        assertEquals(3, segs.size(), r.body());
        assertEquals(0.0, segs.get(0).path("start_s").asDouble(), 1e-9);
        assertEquals(1.0, segs.get(0).path("end_s").asDouble(), 1e-9);
        assertEquals("rock", segs.get(2).path("genre").asText());
        assertEquals(3, segs.get(1).path("probabilities").size());
        assertTrue(j.path("spectrogram").asText().startsWith("data:image/png;base64,iVBORw0KGgo"), "PNG data URL expected");
        assertEquals(List.of(), files(temp));
    }

    @Test
    void badUploadsGetJson4xxAndLeaveNoFiles() throws Exception {
        server = start(config(temp), 0);
        assertError(postRaw(server, GenreServer.CLASSIFY, new byte[0]), 400, "empty_body");
        byte[] junk = "this is not audio at all, just some text pretending to be a song".repeat(50).getBytes(StandardCharsets.UTF_8);
        assertError(postRaw(server, GenreServer.CLASSIFY, junk), 415, "not_audio");
        HttpResponse<String> wrongField = postMultipart(server, GenreServer.CLASSIFY, multipart("audio", TONE, "segments", "true"));
        assertError(wrongField, 400, "missing_file");
        assertTrue(json(wrongField).path("detail").asText().contains("audio"), wrongField.body());
        assertError(postMultipart(server, GenreServer.CLASSIFY, multipart("file", new byte[0])), 400, "empty_body");
        byte[] cut = multipart("file", TONE);
        HttpResponse<String> cutAnswer = postMultipart(server, GenreServer.CLASSIFY, java.util.Arrays.copyOf(cut, cut.length / 2));
        assertError(cutAnswer, 400, "bad_multipart");
        // Jetty closes the connection after a failed parse: the answer must say so, or the next request on it gets nothing.
        assertEquals("close", cutAnswer.headers().firstValue("Connection").orElse(null));
        assertError(postRaw(server, GenreServer.CLASSIFY, TONE, "Content-Type", "multipart/form-data"), 400, "bad_multipart");
        assertError(postRaw(server, GenreServer.CLASSIFY, TONE, "Content-Type", "multipart/mixed; boundary=x"), 415, "unsupported_media_type");
        assertError(postRaw(server, GenreServer.CLASSIFY + "?model=nope", TONE), 400, "unknown_model");
        assertError(postRaw(server, GenreServer.CLASSIFY + "?segments=maybe", TONE), 400, "bad_parameter");
        byte[] stereo = stereoWav();
        assertError(postRaw(server, GenreServer.CLASSIFY, stereo), 415, "unsupported_codec");
        assertEquals(List.of(), files(temp), "uploads of bad requests not removed");
        // Nothing above is our bug.
        assertFalse(get(server, "/metrics").body().contains("code=\"500\""));
    }

    @Test
    void aFileThatExhaustsMemoryIsItsOwn413AndTheServerGoesOn() throws Exception {
        WavDecoder wav = new WavDecoder();
        AudioDecoder hungry = (file, o) -> {
            long size;
            try {
                size = java.nio.file.Files.size(file);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            if (size == NOISE.length) throw new OutOfMemoryError("Java heap space");
            return wav.decode(file, o);
        };
        server = new GenreServer(config(temp), List.of(new StatsClassifier("stats", 0)), hungry, null).start();
        // Before the fix the error reached the route as a bug: 500 "internal".
        assertError(postRaw(server, GenreServer.CLASSIFY, NOISE), 413, "out_of_memory");
        assertEquals(200, postRaw(server, GenreServer.CLASSIFY, TONE).statusCode());
        assertEquals(List.of(), files(temp));
        assertFalse(get(server, "/metrics").body().contains("code=\"500\""));
    }

    @Test
    void nonFiniteAnswersAre422AndShortAudioCarriesAWarning() throws Exception {
        WavDecoder wav = new WavDecoder();
        AudioDecoder odd = (file, o) -> {
            org.genrekit.audio.Signal s = wav.decode(file, o);
            if (s.length() == 22050 * 3) {
                // finite samples whose power overflows: sine x 1e30
                float[] x = s.samples().clone();
                for (int i = 0; i < x.length; i++) x[i] = (float) (1e30 * Math.sin(i * 0.1));
                return new org.genrekit.audio.Signal(x, s.sampleRate());
            }
            return s;
        };
        server = new GenreServer(config(temp), List.of(org.genrekit.models.bundle.ModelBundles.loadDefault()), odd, null).start();
        // Before the fix: 200 with every probability 0.0.
        HttpResponse<String> r = postRaw(server, GenreServer.CLASSIFY, NOISE);
        assertError(r, 422, "non_finite_features");
        assertTrue(json(r).path("detail").asText().contains("features are not finite"), r.body());
        HttpResponse<String> shortOne = postRaw(server, GenreServer.CLASSIFY, WavDecoder.wav("tone", 0.25, 22050));
        assertEquals(200, shortOne.statusCode(), shortOne.body());
        assertEquals("short_audio", json(shortOne).path("warnings").path(0).path("code").asText(), shortOne.body());
        assertEquals(0, json(postRaw(server, GenreServer.CLASSIFY, TONE)).path("warnings").size());
    }

    @Test
    void uploadLimitIsEnforcedBeforeAndWhileReading() throws Exception {
        server = start(config(temp).withMaxUploadBytes(64 * 1024), 0);
        byte[] big = WavDecoder.wav("tone", 3, 22050); // ~130 KB
        // Declared length over the limit: refused before the body is read; a client that asks
        // with Expect: 100-continue never sends it.
        HttpRequest declared = HttpRequest.newBuilder(uri(server, GenreServer.CLASSIFY)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "audio/wav").expectContinue(true)
                .POST(HttpRequest.BodyPublishers.ofByteArray(big)).build();
        HttpResponse<String> refused = CLIENT.send(declared, HttpResponse.BodyHandlers.ofString());
        assertError(refused, 413, "too_large");
        assertEquals("close", refused.headers().firstValue("Connection").orElse(null));
        // No declared length (chunked): refused as soon as the limit is passed.
        HttpRequest chunked = HttpRequest.newBuilder(uri(server, GenreServer.CLASSIFY)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "audio/wav")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))).build();
        assertError(CLIENT.send(chunked, HttpResponse.BodyHandlers.ofString()), 413, "too_large");
        HttpRequest multipartDeclared = HttpRequest.newBuilder(uri(server, GenreServer.CLASSIFY)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY).expectContinue(true)
                .POST(HttpRequest.BodyPublishers.ofByteArray(multipart("file", WavDecoder.wav("tone", 5, 22050)))).build();
        assertError(CLIENT.send(multipartDeclared, HttpResponse.BodyHandlers.ofString()), 413, "too_large");
        // Multipart within the declared overhead but with a file part over the limit: refused while reading.
        server.close();
        server = start(config(temp).withMaxUploadBytes(120 * 1024), 0);
        HttpResponse<String> bigPart = postMultipart(server, GenreServer.CLASSIFY, multipart("file", big));
        assertError(bigPart, 413, "too_large");
        assertEquals("a multipart field is larger than the limit of 120 KB", json(bigPart).path("detail").asText());
        // Within the limit it still works.
        assertEquals(200, postRaw(server, GenreServer.CLASSIFY, WavDecoder.wav("tone", 1, 22050)).statusCode());
        assertEquals(List.of(), files(temp));
    }

    @Test
    void multipartFieldsAreCheckedOneByOne() throws Exception {
        server = start(config(temp), 0);
        HttpResponse<String> longField = postMultipart(server, GenreServer.CLASSIFY, multipart("file", TONE, "model", "x".repeat(2000)));
        assertError(longField, 413, "too_large");
        assertEquals("field 'model' is larger than the limit of 1 KB", json(longField).path("detail").asText());
        byte[] twice = multipart("file", TONE, "x", "y");
        String second = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"b.wav\"\r\n\r\nRIFF\r\n";
        byte[] both = (new String(twice, StandardCharsets.ISO_8859_1).replaceFirst("--" + BOUNDARY + "--", java.util.regex.Matcher.quoteReplacement(second + "--" + BOUNDARY + "--")))
                .getBytes(StandardCharsets.ISO_8859_1);
        assertError(postMultipart(server, GenreServer.CLASSIFY, both), 400, "bad_field");
        // Without a declared length, Jetty's limit on the whole form (upload limit + 64 KB) holds while reading.
        server.close();
        server = start(config(temp).withMaxUploadBytes(64 * 1024), 0);
        // Every part within the limit, all of them together not.
        byte[] padded = multipart("file", WavDecoder.wav("tone", 0.5, 22050), "a", "x".repeat(60 * 1024), "b", "x".repeat(60 * 1024));
        HttpRequest chunked = HttpRequest.newBuilder(uri(server, GenreServer.CLASSIFY)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(padded))).build();
        HttpResponse<String> overall = CLIENT.send(chunked, HttpResponse.BodyHandlers.ofString());
        assertError(overall, 413, "too_large");
        assertEquals("upload is larger than the limit of 128 KB", json(overall).path("detail").asText());
        // Jetty drops the connection after refusing the form; the answer must say so, or a client reuses it and hears nothing.
        assertEquals(java.util.Optional.of("close"), overall.headers().firstValue("connection"), overall.headers().toString());
        // Unknown fields are passed over; a small file stays in memory until it is written to the upload file.
        HttpResponse<String> ok = postMultipart(server, GenreServer.CLASSIFY, multipart("file", WavDecoder.wav("tone", 0.2, 8000), "comment", "hi", "segments", " true "));
        assertEquals(200, ok.statusCode(), ok.body());
        assertEquals(1, json(ok).path("windows").path("items").size(), ok.body()); // segments: the older name of windows
        assertEquals(List.of(), files(temp));
    }

    @Test
    void largeUploadIsStreamedAndOnlyTheWindowAnalysed() throws Exception {
        server = start(config(temp).withMaxSeconds(30), 0); // the default analyses whole files: a cap is asked for here
        byte[] big = WavDecoder.wav("tone", 120, 22050); // 5.3 MB: far above any in-memory body default
        HttpResponse<String> r = postMultipart(server, GenreServer.CLASSIFY, multipart("file", big));
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(big.length, json(r).path("audio").path("bytes").asLong());
        assertEquals(30.0, json(r).path("windows").path("analysed_s").asDouble(), 1e-9);
        assertEquals(List.of(), files(temp));
    }

    @Test
    void byDefaultTheWholeFileIsAnalysedAsClassifyDoes() throws Exception {
        server = start(config(temp), 0);
        HttpResponse<String> r = postRaw(server, GenreServer.CLASSIFY, WavDecoder.wav("tone", 75, 8000));
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(75.0, json(r).path("windows").path("analysed_s").asDouble(), 1e-6);
    }

    @Test
    void clientThatStopsMidUploadLeavesNothingBehind() throws Exception {
        server = start(config(temp), 0);
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.port())) {
            var out = socket.getOutputStream();
            out.write(("POST " + GenreServer.CLASSIFY + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: audio/wav\r\n"
                    + "Content-Length: 200000\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(TONE, 0, 50_000);
            out.flush();
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (files(temp).isEmpty() && System.nanoTime() < deadline) Thread.sleep(10);
            assertEquals(1, files(temp).size(), "the upload should be in its temp file while it arrives");
        }
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!files(temp).isEmpty() && System.nanoTime() < deadline) Thread.sleep(20);
        assertEquals(List.of(), files(temp), "an aborted upload's temp file was not removed");
        // The answer (which nobody reads) is counted just after the file is removed: wait for it.
        String[] aborted = {"genrekit_http_errors_total", "code", "400", "error", "client_aborted"};
        String m = get(server, "/metrics").body();
        while (metric(m, aborted[0], "code", "400", "error", "client_aborted") != 1 && System.nanoTime() < deadline) {
            Thread.sleep(20);
            m = get(server, "/metrics").body();
        }
        assertEquals(1, metric(m, aborted[0], "code", "400", "error", "client_aborted"), m);
        assertEquals(0, json(get(server, "/healthz")).path("inFlight").asInt(), "the aborted request's place was not given back");
    }

    @Test
    void analysedDurationFollowsMaxSecondsOffsetAndWholeFile() throws Exception {
        server = start(config(temp).withMaxSeconds(2), 0);
        assertEquals(2.0, json(postRaw(server, GenreServer.CLASSIFY, TONE)).path("windows").path("analysed_s").asDouble(), 1e-9);
        server.close();
        server = start(config(temp).withOffsetSeconds(1).withWholeFile(true), 0);
        JsonNode j = json(postRaw(server, GenreServer.CLASSIFY, TONE));
        assertEquals(4.0, j.path("windows").path("analysed_s").asDouble(), 1e-9);
        assertEquals(1.0, j.path("policy").path("offset_s").asDouble(), 1e-9);
        server.close();
        server = start(config(temp).withOffsetSeconds(10), 0);
        assertError(postRaw(server, GenreServer.CLASSIFY, TONE), 422, "too_short");
    }

    @Test
    void policyParametersWithTheServersLimitOnTop() throws Exception {
        server = start(config(temp).withMaxSeconds(3), 0);
        JsonNode asked = json(postRaw(server, GenreServer.CLASSIFY + "?offset=1&duration=1.5&window=0.5&hop=0.25&tail=dropped&top=1", TONE));
        assertEquals(1.5, asked.path("windows").path("analysed_s").asDouble(), 1e-9);
        assertEquals(5, asked.path("windows").path("count").asInt(), "1.5 s in 0.5 s windows every 0.25 s");
        assertEquals(1.0, asked.path("policy").path("offset_s").asDouble(), 1e-9);
        assertEquals("dropped", asked.path("policy").path("tail").asText());
        assertEquals(1, asked.path("top").size());
        // asking for more than --max-seconds gets --max-seconds
        JsonNode capped = json(postRaw(server, GenreServer.CLASSIFY + "?duration=60", TONE));
        assertEquals(3.0, capped.path("windows").path("analysed_s").asDouble(), 1e-9);
        assertEquals(3.0, capped.path("policy").path("duration_s").asDouble(), 1e-9);
        HttpResponse<String> bad = postRaw(server, GenreServer.CLASSIFY + "?window=2&hop=3", TONE);
        assertError(bad, 400, "bad_parameter");
        assertEquals("hop must be <= window (2.0 s), got 3.0 s: audio between windows would be skipped", json(bad).path("detail").asText());
        assertEquals("top must be an integer >= 1, got 0", json(postRaw(server, GenreServer.CLASSIFY + "?top=0", TONE)).path("detail").asText());
        assertEquals("offset must be a number, got 'x'", json(postRaw(server, GenreServer.CLASSIFY + "?offset=x", TONE)).path("detail").asText());
    }

    @Test
    void saturatedPoolAnswers503AtOnce() throws Exception {
        server = start(config(temp).withWorkers(1).withQueue(0), 1500);
        CompletableFuture<HttpResponse<String>> first = CLIENT.sendAsync(
                HttpRequest.newBuilder(uri(server, GenreServer.CLASSIFY)).POST(HttpRequest.BodyPublishers.ofByteArray(TONE)).build(),
                HttpResponse.BodyHandlers.ofString());
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (json(get(server, "/healthz")).path("inFlight").asInt() < 1) {
            assertTrue(System.nanoTime() < deadline, "first request never started");
            Thread.sleep(20);
        }
        long t0 = System.nanoTime();
        HttpResponse<String> second = postRaw(server, GenreServer.CLASSIFY, TONE);
        double ms = (System.nanoTime() - t0) / 1e6;
        assertError(second, 503, "busy");
        assertEquals("1", second.headers().firstValue("Retry-After").orElse(null));
        assertTrue(ms < 1000, "503 took " + ms + " ms: it must not wait for the busy worker");
        assertEquals(200, first.get().statusCode());
        // The place is free again.
        assertEquals(0, json(get(server, "/healthz")).path("inFlight").asInt());
        assertEquals(1, metric(server, "genrekit_http_errors_total", "code", "503", "error", "busy"));
        assertEquals(List.of(), files(temp));
    }

    @Test
    void slowClassificationTimesOutWith503() throws Exception {
        server = start(config(temp).withTimeout(Duration.ofMillis(300)), 2000);
        HttpResponse<String> r = postRaw(server, GenreServer.CLASSIFY, TONE);
        assertError(r, 503, "timeout");
        assertTrue(r.headers().firstValue("Retry-After").isPresent());
        assertEquals(List.of(), files(temp), "upload of a timed-out request not removed");
    }

    @Test
    void tokenGuardsApiAndMetricsButNotHealth() throws Exception {
        server = start(config(temp).withToken("s3cret"), 0);
        assertError(postRaw(server, GenreServer.CLASSIFY, TONE), 401, "unauthorized");
        assertError(postRaw(server, GenreServer.CLASSIFY, TONE, "Authorization", "Bearer wrong"), 401, "unauthorized");
        assertError(get(server, GenreServer.MODELS), 401, "unauthorized");
        assertEquals(401, get(server, "/metrics").statusCode());
        assertEquals(200, postRaw(server, GenreServer.CLASSIFY, TONE, "Authorization", "Bearer s3cret").statusCode());
        assertEquals(200, get(server, GenreServer.MODELS, "Authorization", "Bearer s3cret").statusCode());
        assertEquals(200, get(server, "/healthz").statusCode());
        assertEquals(200, get(server, "/").statusCode());
        assertEquals(List.of(), files(temp));
    }

    @Test
    void corsIsOffUnlessConfigured() throws Exception {
        server = start(config(temp), 0);
        assertTrue(get(server, GenreServer.MODELS, "Origin", "http://app.example").headers().firstValue("Access-Control-Allow-Origin").isEmpty());
        server.close();
        server = start(config(temp).withCorsOrigin("http://app.example").withToken("t"), 0);
        var ok = get(server, GenreServer.MODELS, "Origin", "http://app.example", "Authorization", "Bearer t");
        assertEquals("http://app.example", ok.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
        var other = get(server, GenreServer.MODELS, "Origin", "http://evil.example", "Authorization", "Bearer t");
        assertTrue(other.headers().firstValue("Access-Control-Allow-Origin").isEmpty());
        HttpResponse<String> pre = CLIENT.send(HttpRequest.newBuilder(uri(server, GenreServer.CLASSIFY))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "http://app.example").header("Access-Control-Request-Method", "POST").build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(204, pre.statusCode(), "preflight needs no token");
        assertTrue(pre.headers().firstValue("Access-Control-Allow-Headers").orElse("").contains("Authorization"));
    }

    @Test
    void metricsCountRequestsErrorsAndStages() throws Exception {
        server = start(config(temp), 0);
        postRaw(server, GenreServer.CLASSIFY, TONE);
        postRaw(server, GenreServer.CLASSIFY, TONE);
        postRaw(server, GenreServer.CLASSIFY, new byte[0]);
        HttpResponse<String> r = get(server, "/metrics");
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
        String m = r.body();
        assertEquals(2, metric(m, "genrekit_http_requests_total", "route", "classify", "code", "200"), m);
        assertEquals(1, metric(m, "genrekit_http_requests_total", "route", "classify", "code", "400"), m);
        assertEquals(1, metric(m, "genrekit_http_errors_total", "code", "400", "error", "empty_body"), m);
        assertTrue(m.contains("# TYPE genrekit_stage_seconds histogram"), m);
        for (String stage : List.of("decode", "features", "inference", "total")) {
            assertEquals(2, metric(m, "genrekit_stage_seconds_count", "stage", stage), stage + "\n" + m);
            assertEquals(2, metric(m, "genrekit_stage_seconds_bucket", "stage", stage, "le", "+Inf"), stage + "\n" + m);
            assertTrue(metric(m, "genrekit_stage_seconds_sum", "stage", stage) > 0, stage + "\n" + m);
        }
        // Every bound of the histogram is there, and a stage not yet used shows zero counts.
        for (String le : List.of("0.005", "0.1", "1.0", "30.0")) {
            assertEquals(0, metric(m, "genrekit_stage_seconds_bucket", "stage", "spectrogram", "le", le), le + "\n" + m);
        }
        assertEquals(0, metric(m, "genrekit_queue_depth"), m);
        assertEquals(0, metric(m, "genrekit_in_flight"), m);
        assertEquals(4, metric(m, "genrekit_capacity"), m);
        // What the library adds: the JVM, the GC and Jetty's thread pool.
        // Summed over the heap's pools: one of them (Eden right after a collection, say) may hold nothing.
        assertTrue(metricSum(m, "jvm_memory_used_bytes", "area", "heap") > 0, "jvm_memory_used_bytes\n" + m);
        assertTrue(m.contains("# TYPE jvm_gc_memory_allocated_bytes_total counter"), "jvm_gc_memory_allocated_bytes_total\n" + m);
        assertTrue(metric(m, "jetty_threads_config_max") >= 1, "jetty_threads_config_max\n" + m);
        // Only its presence: Jetty counts a thread that runs a task straight from the selector as reserved,
        // not busy, so the scrape's own thread may or may not show in jetty_threads_busy.
        assertTrue(metric(m, "jetty_threads_busy") >= 0, "jetty_threads_busy\n" + m);
    }

    @Test
    void modelsAndHealth() throws Exception {
        server = start(config(temp), 0);
        JsonNode j = json(get(server, GenreServer.MODELS));
        assertEquals("stats", j.path("default").asText());
        assertEquals(2, j.path("models").size());
        JsonNode m = j.path("models").get(0);
        assertEquals("stats", m.path("name").asText());
        assertEquals("signal-stats", m.path("recipe").asText());
        assertEquals(3, m.path("labels").size());
        assertEquals(0.5, m.path("metadata").path("accuracy").asDouble(), 1e-12);
        assertEquals(50L * 1024 * 1024, j.path("limits").path("maxUploadBytes").asLong());
        JsonNode h = json(get(server, "/healthz"));
        assertEquals("ok", h.path("status").asText());
        assertError(get(server, "/api/v1/nothing"), 404, "not_found");
        assertError(get(server, GenreServer.CLASSIFY), 404, "not_found");
    }

    @Test
    void modelsListingRevealsNoServerPaths() throws Exception {
        StatsClassifier stats = new StatsClassifier("trained", 0);
        org.genrekit.models.GenreClassifier trained = new org.genrekit.models.GenreClassifier() {
            @Override public String name() { return stats.name(); }
            @Override public String version() { return stats.version(); }
            @Override public List<String> labels() { return stats.labels(); }
            @Override public org.genrekit.features.FeatureRecipe recipe() { return stats.recipe(); }
            @Override public org.genrekit.audio.LoadOptions loadOptions() { return stats.loadOptions(); }

            @Override
            public org.genrekit.models.WindowScore score(org.genrekit.audio.Signal window) {
                return stats.score(window);
            }

            @Override
            public java.util.Map<String, Object> metadata() {
                return java.util.Map.of("provenance", java.util.Map.of(
                        "data", "gtzan:/home/alice/private/gtzan?split=lists&train=/home/alice/lists/train.txt",
                        "members", List.of("/srv/models/a.gkm", "C:\\models\\b.gkm"), "seed", 42));
            }
        };
        server = new GenreServer(config(temp), List.of(trained), new WavDecoder(), null).start();
        HttpResponse<String> r = get(server, GenreServer.MODELS);
        // Before the fix the metadata went out as stored: the server's training-data path included.
        assertFalse(r.body().contains("/home/alice") || r.body().contains("/srv/") || r.body().contains("C:"), r.body());
        JsonNode prov = json(r).path("models").get(0).path("metadata").path("provenance");
        assertEquals("gtzan:gtzan?split=lists&train=train.txt", prov.path("data").asText());
        assertEquals("a.gkm", prov.path("members").get(0).asText());
        assertEquals("b.gkm", prov.path("members").get(1).asText());
        assertEquals(42, prov.path("seed").asInt());
    }

    @Test
    void pageIsServedSelfContained() throws Exception {
        server = start(config(temp), 0);
        for (String path : List.of("/", "/app.js", "/app.css")) {
            HttpResponse<String> r = get(server, path);
            assertEquals(200, r.statusCode(), path);
            assertTrue(r.headers().firstValue("Content-Security-Policy").orElse("").contains("default-src 'self'"));
            assertFalse(r.body().matches("(?s).*(src|href)=\"(https?:)?//.*"), path + " loads something from elsewhere");
            assertFalse(r.body().contains("@import"), path);
        }
        assertTrue(get(server, "/").body().contains("name=\"viewport\""), "phone-sized screens need a viewport");
        assertTrue(get(server, "/app.js").headers().firstValue("Content-Type").orElse("").startsWith("text/javascript"));
    }

    @Test
    void configIsValidated() {
        var e = assertThrows(IllegalArgumentException.class, () -> ServeConfig.defaults().withWorkers(0));
        assertEquals("workers must be >= 1, got 0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ServeConfig.defaults().withMaxSeconds(-1));
        assertEquals("maxSeconds must be > 0, got -1.0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new GenreServer(config(temp), List.of(
                new StatsClassifier("a", 0), new StatsClassifier("a", 0)), new WavDecoder(), null));
        assertEquals("two models are named 'a'; model names must be unique", e.getMessage());
    }

    private static byte[] stereoWav() throws IOException {
        int n = 22050;
        byte[] pcm = new byte[4 * n];
        var fmt = new javax.sound.sampled.AudioFormat(22050, 16, 2, true, false);
        var out = new java.io.ByteArrayOutputStream();
        try (var ais = new javax.sound.sampled.AudioInputStream(new ByteArrayInputStream(pcm), fmt, n)) {
            javax.sound.sampled.AudioSystem.write(ais, javax.sound.sampled.AudioFileFormat.Type.WAVE, out);
        }
        return out.toByteArray();
    }
}
