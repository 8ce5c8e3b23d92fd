package org.genrekit.apps.cli.backbone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.genrekit.apps.cli.Main;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackboneCommandTest {
    private static final String SHA = "899a8c6217063f6941793102a2780b3dd788ab11fce468d9cf5f0577c453321c";

    @TempDir
    Path home;
    private String previousHome;

    @BeforeAll
    static void quiet() {
        System.setProperty("genrekit.progress", "never");
    }

    @BeforeEach
    void tempHome() {
        previousHome = System.getProperty("genrekit.home");
        System.setProperty("genrekit.home", home.toString());
    }

    @AfterEach
    void restoreHome() {
        if (previousHome == null) System.clearProperty("genrekit.home");
        else System.setProperty("genrekit.home", previousHome);
    }

    static Path sharedPt() {
        String root = System.getProperty("genrekit.shared");
        Path pt = root == null ? null : Path.of(root, "pretrained", "efficientat-mn04-as", "mn04_as_mAP_432.pt");
        assumeTrue(pt != null && Files.isRegularFile(pt), "shared mn04 weights not found (genrekit.shared=" + root + "); skipping");
        return pt;
    }

    /** Exit code, stdout, stderr. */
    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int code = Main.execute(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    private long backbonesEntries() throws IOException {
        Path dir = home.resolve("backbones");
        if (!Files.isDirectory(dir)) return 0;
        try (Stream<Path> s = Files.list(dir)) {
            return s.count();
        }
    }

    @Test
    void installFromAFileThenList() throws IOException {
        Run before = run("backbone", "list");
        assertEquals(Main.EXIT_OK, before.code(), before.err());
        assertTrue(before.out().contains("mn04  not installed"), before.out());
        assertTrue(before.out().contains("https://github.com/fschmid56/EfficientAT/releases/download/v0.0.1/mn04_as_mAP_432.pt"), before.out());
        assertTrue(before.out().contains("genrekit backbone install mn04 --from FILE"), before.out());
        assertEquals(Main.EXIT_USAGE, run("backbone", "path", "mn04").code(), "not installed: the message says how to install it");

        Path pt = sharedPt();
        Run install = run("backbone", "install", "mn04", "--from", pt.toString());
        assertEquals(Main.EXIT_OK, install.code(), install.err());
        assertEquals("", install.err());
        assertTrue(install.out().startsWith("installed mn04 in " + home.resolve("backbones").resolve("mn04")), install.out());
        assertTrue(install.out().contains("sha256:  " + SHA), install.out());

        Run list = run("backbone", "list");
        assertEquals(Main.EXIT_OK, list.code(), list.err());
        assertTrue(list.out().contains("mn04  installed in " + home.resolve("backbones").resolve("mn04")), list.out());
        assertTrue(list.out().contains("size:     4066513 bytes"), list.out());
        assertTrue(list.out().contains("sha256:   " + SHA + " (the published file)"), list.out());
        assertTrue(list.out().contains("licence:  MIT (c) 2022 Florian Schmid"), list.out());
        assertTrue(list.out().contains("source:   " + pt.toAbsolutePath().normalize()), list.out());

        Run path = run("backbone", "path", "mn04");
        assertEquals(Main.EXIT_OK, path.code(), path.err());
        assertEquals(home.resolve("backbones").resolve("mn04").toString(), path.out().strip());
    }

    @Test
    void installFromAUrl() throws IOException {
        byte[] weights = Files.readAllBytes(sharedPt());
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/mn04.pt", ex -> {
            ex.sendResponseHeaders(200, weights.length);
            try (OutputStream os = ex.getResponseBody()) {
                os.write(weights);
            }
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/mn04.pt";
            Run r = run("backbone", "install", "mn04", "--url", url);
            assertEquals(Main.EXIT_OK, r.code(), r.err());
            assertTrue(r.out().contains("from:    " + url + " (4066513 bytes)"), r.out());
            String gone = "http://127.0.0.1:" + server.getAddress().getPort() + "/gone.pt"; // no context: 404
            Run missing = run("backbone", "install", "mn04", "--url", gone);
            assertEquals(Main.EXIT_FAILURE, missing.code());
            assertEquals("genrekit backbone install: download failed: HTTP 404 from " + gone + " (run with --debug for the stack trace)", missing.err().strip());
            assertEquals(1, backbonesEntries(), "only the installation from the first run");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void failuresAreOneLineWithoutStackTraces(@TempDir Path dir) throws IOException {
        Path pt = sharedPt();
        Run wrong = run("backbone", "install", "mn04", "--from", pt.toString(), "--sha256", "ab".repeat(32));
        assertEquals(Main.EXIT_FAILURE, wrong.code());
        assertTrue(wrong.err().startsWith("genrekit backbone install: checksum mismatch: expected " + "ab".repeat(32) + ", got " + SHA), wrong.err());
        assertEquals(1, wrong.err().lines().count(), wrong.err());
        assertEquals(0, backbonesEntries());

        Path text = Files.writeString(dir.resolve("mn04.pt"), "not weights");
        Run notWeights = run("backbone", "install", "mn04", "--from", text.toString());
        assertEquals(Main.EXIT_FAILURE, notWeights.code());
        assertTrue(notWeights.err().startsWith("genrekit backbone install: checksum mismatch"), notWeights.err());
        assertFalse(notWeights.err().contains("\tat "), notWeights.err());

        Run missing = run("backbone", "install", "mn04", "--from", dir.resolve("nope.pt").toString());
        assertEquals(Main.EXIT_USAGE, missing.code());
        assertEquals("genrekit backbone install: " + dir.resolve("nope.pt") + ": no such file", missing.err().strip());
        assertEquals(0, backbonesEntries());
    }

    @Test
    void usageErrorsExitTwo() {
        Run neither = run("backbone", "install", "mn04");
        assertEquals(Main.EXIT_USAGE, neither.code());
        assertEquals("genrekit backbone install: give the weights with --from FILE or --url URL (one of the two)", neither.err().strip());
        Run both = run("backbone", "install", "mn04", "--from", "x.pt", "--url", "https://example.org/x.pt");
        assertEquals(Main.EXIT_USAGE, both.code());
        Run unknown = run("backbone", "install", "mn99", "--from", "x.pt");
        assertEquals(Main.EXIT_USAGE, unknown.code());
        assertEquals("genrekit backbone install: unknown backbone 'mn99' (known: mn04)", unknown.err().strip());
        Run badSha = run("backbone", "install", "mn04", "--from", "x.pt", "--sha256", "xyz");
        assertEquals(Main.EXIT_USAGE, badSha.code());
        assertEquals("genrekit backbone install: --sha256 must be 64 hexadecimal digits, got 'xyz'", badSha.err().strip());
        Run badUrl = run("backbone", "install", "mn04", "--url", "ftp://example.org/x.pt");
        assertEquals(Main.EXIT_USAGE, badUrl.code());
        assertEquals("genrekit backbone install: --url must be an http or https URL, got 'ftp://example.org/x.pt'", badUrl.err().strip());
        assertEquals(Main.EXIT_USAGE, run("backbone", "path", "mn99").code());
    }
}
