package org.genrekit.serve;

import static org.genrekit.serve.TestServers.*;
import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Slow and numerous clients on 127.0.0.1 (bounded in count and time): they must not lock good
 * uploads out, and every connection of a burst gets an HTTP answer.
 */
class SlowUploadsTest {
    static final byte[] TONE = WavDecoder.wav("tone", 2, 22050);

    @TempDir
    Path temp;
    GenreServer server;

    @AfterEach
    void stop() {
        if (server != null) server.close();
    }

    /**
     * A raw-socket client that declares {@code declared} bytes and sends one byte every
     * {@code intervalMs} until the server answers or {@code maxMs} pass; returns the status line
     * and body it read ("" when none).
     */
    private String trickle(int declared, long intervalMs, long maxMs) throws IOException, InterruptedException {
        return trickle("audio/wav", TONE, declared, intervalMs, maxMs);
    }

    /** As above, with the bytes of {@code body} (repeated) sent as {@code contentType}. */
    private String trickle(String contentType, byte[] body, int declared, long intervalMs, long maxMs) throws IOException, InterruptedException {
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(5000);
            OutputStream out = s.getOutputStream();
            InputStream in = s.getInputStream();
            out.write(("POST " + GenreServer.CLASSIFY + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: " + contentType + "\r\n"
                    + "Content-Length: " + declared + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            long end = System.nanoTime() + maxMs * 1_000_000L;
            for (int i = 0; i < declared && System.nanoTime() < end && in.available() == 0; i++) {
                try {
                    out.write(body[i % body.length]);
                    out.flush();
                } catch (IOException closed) {
                    break; // the server answered and closed: read the answer
                }
                Thread.sleep(intervalMs);
            }
            return readAnswer(in);
        }
    }

    private static String readAnswer(InputStream in) {
        var buf = new java.io.ByteArrayOutputStream();
        try {
            byte[] b = new byte[4096];
            for (int n; (n = in.read(b)) > 0; ) {
                buf.write(b, 0, n);
                if (buf.toString(StandardCharsets.ISO_8859_1).contains("}")) break; // the JSON answer is complete
            }
        } catch (IOException e) {
            // reset or timeout: whatever was read is the answer
        }
        return buf.toString(StandardCharsets.UTF_8);
    }

    @Test
    void sixOneBytePerSecondClientsDoNotLockOutAGoodUpload() throws Exception {
        UploadLimits limits = UploadLimits.defaults().withMinBytesPerSecond(1000).withGrace(Duration.ofMillis(1500))
                .withDeadline(Duration.ofSeconds(20)).withReserve(Duration.ofMillis(300));
        // Two workers and four queue places (the default on two cores): before, six slow bodies held all six
        // places for as long as they went on, and every good upload got 503.
        server = start(config(temp).withWorkers(2).withQueue(4).withUploads(limits), 0);
        ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor();
        List<Future<String>> slow = new ArrayList<>();
        for (int i = 0; i < 6; i++) slow.add(clients.submit(() -> trickle(100_000, 1000, 8000)));
        Thread.sleep(800); // all six are in and past their reserve
        long t0 = System.nanoTime();
        HttpResponse<String> good = postRaw(server, GenreServer.CLASSIFY, TONE);
        assertEquals(200, good.statusCode(), good.body());
        assertTrue((System.nanoTime() - t0) / 1e9 < 5, "the good upload waited for the slow ones");
        for (Future<String> f : slow) {
            String answer = f.get();
            assertTrue(answer.startsWith("HTTP/1.1 408"), answer);
            assertTrue(answer.contains("\"upload_too_slow\"") && answer.contains("below the minimum of 1000 bytes/s"), answer);
        }
        clients.shutdown();
        assertEquals(0, GenreServerTest.json(get(server, "/healthz")).path("inFlight").asInt());
        assertEquals(6, metric(server, "genrekit_http_errors_total", "code", "408", "error", "upload_too_slow"));
        assertEquals(List.of(), files(temp));
    }

    @Test
    void anUploadStillArrivingAfterTheDeadlineGets408() throws Exception {
        UploadLimits limits = UploadLimits.defaults().withMinBytesPerSecond(0).withDeadline(Duration.ofMillis(1500));
        server = start(config(temp).withUploads(limits), 0);
        long t0 = System.nanoTime();
        String answer = trickle(100_000, 50, 6000);
        double s = (System.nanoTime() - t0) / 1e9;
        assertTrue(answer.startsWith("HTTP/1.1 408") && answer.contains("still arriving after the limit of 1 s"), answer);
        assertTrue(s < 4, "answered after " + s + " s");
        assertEquals(List.of(), files(temp));
    }

    @Test
    void aSlowMultipartUploadIsPacedLikeARawOne() throws Exception {
        // Jetty parses the form, but from our paced stream: Javalin's own uploadedFiles() would not judge the rate.
        UploadLimits limits = UploadLimits.defaults().withMinBytesPerSecond(1000).withGrace(Duration.ofMillis(1000));
        server = start(config(temp).withUploads(limits), 0);
        byte[] form = TestServers.multipart("file", TONE);
        String answer = trickle("multipart/form-data; boundary=" + TestServers.BOUNDARY, form, form.length, 100, 6000);
        assertTrue(answer.startsWith("HTTP/1.1 408") && answer.contains("\"upload_too_slow\""), answer);
        assertEquals(List.of(), files(temp));
    }

    @Test
    void fullUploadSlotsAnswer503AtOnce() throws Exception {
        UploadLimits limits = UploadLimits.defaults().withSlots(1).withGrace(Duration.ofSeconds(10));
        server = start(config(temp).withUploads(limits), 0);
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<String> holder = clients.submit(() -> trickle(100, 100, 1500));
            Thread.sleep(300);
            HttpResponse<String> r = postRaw(server, GenreServer.CLASSIFY, TONE);
            GenreServerTest.assertError(r, 503, "busy");
            assertTrue(r.body().contains("upload slots"), r.body());
            holder.get();
        }
    }

    @Test
    void aBurstOf200ConnectionsIsAnsweredNotReset() throws Exception {
        server = start(config(temp).withWorkers(1).withQueue(1), 50);
        // The listening socket's backlog (ss shows it as Send-Q), where ss exists: it was 50.
        Process ss = new ProcessBuilder("ss", "-ltnH", "sport = :" + server.port()).redirectErrorStream(true).start();
        String line = new String(ss.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
        if (ss.waitFor() == 0 && line.startsWith("LISTEN")) {
            int backlog = Integer.parseInt(line.split("\\s+")[2]);
            assertTrue(backlog >= Math.min(GenreServer.ACCEPT_QUEUE, somaxconn()), line);
        }
        int n = 200;
        List<Future<String>> answers = new ArrayList<>();
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < n; i++) {
                answers.add(clients.submit(() -> {
                    try (Socket s = new Socket("127.0.0.1", server.port())) {
                        s.setSoTimeout(20_000);
                        OutputStream out = s.getOutputStream();
                        out.write(("POST " + GenreServer.CLASSIFY + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: audio/wav\r\n"
                                + "Connection: close\r\nContent-Length: " + TONE.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                        out.write(TONE);
                        out.flush();
                        return readAnswer(s.getInputStream());
                    } catch (IOException e) {
                        return "failed: " + e;
                    }
                }));
            }
        }
        int ok = 0;
        int busy = 0;
        for (Future<String> f : answers) {
            String a = f.get();
            if (a.startsWith("HTTP/1.1 200")) ok++;
            else if (a.startsWith("HTTP/1.1 503") && a.contains("\"busy\"")) busy++;
            else fail("a connection got no HTTP answer: " + a);
        }
        assertEquals(n, ok + busy);
        assertTrue(ok >= 1, "nothing was classified");
    }

    private static int somaxconn() {
        try {
            // (Files.readString trusts the size /proc reports and may read a few bytes only.)
            try (InputStream in = java.nio.file.Files.newInputStream(Path.of("/proc/sys/net/core/somaxconn"))) {
                return Integer.parseInt(new String(in.readAllBytes(), StandardCharsets.US_ASCII).trim());
            }
        } catch (IOException | NumberFormatException e) {
            return GenreServer.ACCEPT_QUEUE;
        }
    }
}
