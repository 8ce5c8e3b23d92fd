package org.genrekit.backbone.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --url} against a loopback server: nothing leaves this machine. */
class DownloaderTest {
    @TempDir
    Path home;
    private TempHome tempHome;
    private HttpServer server;
    private String base;

    @BeforeEach
    void start() throws IOException {
        tempHome = new TempHome(home);
        Path pt = TestArchives.sharedPt();
        byte[] weights = Files.readAllBytes(pt);
        byte[] junk = new byte[weights.length];
        new Random(1).nextBytes(junk);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/mn04.pt", ex -> send(ex, 200, weights));
        server.createContext("/wrong.pt", ex -> send(ex, 200, junk));
        server.createContext("/missing.pt", ex -> send(ex, 404, "not found".getBytes()));
        server.createContext("/latest", ex -> {
            ex.getResponseHeaders().add("Location", "/mn04.pt");
            send(ex, 302, new byte[0]);
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static void send(HttpExchange ex, int status, byte[] body) throws IOException {
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream os = ex.getResponseBody()) {
            os.write(body);
        }
    }

    @AfterEach
    void stop() {
        if (server != null) server.stop(0);
        tempHome.close();
    }

    @Test
    void downloadsChecksAndInstalls() throws Exception {
        List<long[]> progress = new ArrayList<>();
        InstalledBackbone b = new Downloader().install(BackboneSpec.MN04, base + "/mn04.pt", null, (d, t) -> progress.add(new long[] {d, t}));
        assertEquals(b, Backbones.require("mn04"));
        assertEquals(BackboneSpec.MN04.sha256(), b.sha256());
        assertEquals(base + "/mn04.pt", b.source());
        assertEquals(266, Backbones.loadWeights(b).size());
        long[] last = progress.getLast();
        assertEquals(BackboneSpec.MN04.bytes(), last[0]);
        assertEquals(BackboneSpec.MN04.bytes(), last[1]);
        for (int i = 1; i < progress.size(); i++) assertTrue(progress.get(i)[0] >= progress.get(i - 1)[0]);
        assertEquals(List.of("mn04"), TempHome.backbonesContent(), "the downloaded file is removed");
    }

    @Test
    void followsRedirects() throws Exception {
        InstalledBackbone b = new Downloader().install(BackboneSpec.MN04, base + "/latest", null, Downloader.Listener.NONE);
        assertEquals(BackboneSpec.MN04.sha256(), b.sha256());
        assertEquals(List.of("mn04"), TempHome.backbonesContent());
    }

    @Test
    void wrongBytesAreRefusedAndNothingIsLeft() throws IOException {
        IOException e = assertThrows(IOException.class, () -> new Downloader().install(BackboneSpec.MN04, base + "/wrong.pt", null, Downloader.Listener.NONE));
        assertTrue(e.getMessage().startsWith("checksum mismatch: expected " + BackboneSpec.MN04.sha256() + ", got "), e.getMessage());
        assertTrue(e.getMessage().endsWith("(downloaded from " + base + "/wrong.pt)"), e.getMessage());
        assertEquals(List.of(), TempHome.backbonesContent());
        assertTrue(Backbones.find("mn04").isEmpty());
    }

    @Test
    void httpErrorsAreOneLine() throws IOException {
        IOException e = assertThrows(IOException.class, () -> new Downloader().install(BackboneSpec.MN04, base + "/missing.pt", null, Downloader.Listener.NONE));
        assertEquals("download failed: HTTP 404 from " + base + "/missing.pt", e.getMessage());
        assertEquals(List.of(), TempHome.backbonesContent());
    }

    @Test
    void aClosedPortIsOneLine() throws IOException {
        int port;
        try (ServerSocket gone = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = gone.getLocalPort();
        }
        IOException e = assertThrows(IOException.class,
                () -> new Downloader().install(BackboneSpec.MN04, "http://127.0.0.1:" + port + "/mn04.pt", null, Downloader.Listener.NONE));
        assertTrue(e.getMessage().startsWith("download failed: cannot connect to 127.0.0.1:" + port), e.getMessage());
        assertEquals(List.of(), TempHome.backbonesContent());
    }

    @Test
    void onlyHttpUrls() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Downloader().install(BackboneSpec.MN04, "file:///etc/passwd", null, Downloader.Listener.NONE));
        assertEquals("--url must be an http or https URL, got 'file:///etc/passwd'", e.getMessage());
    }
}
