package org.genrekit.backbone.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import org.genrekit.core.hash.Sha256;

/**
 * Downloads a backbone's weights when the user asks for it ({@code genrekit backbone install NAME
 * --url URL}), checks the SHA-256 and installs the file with {@link BackboneInstaller}. This is the
 * only download in Genrekit. The file goes to a temporary name inside {@code backbones/}, which is
 * removed whatever happens.
 */
public final class Downloader {
    private static final System.Logger LOG = System.getLogger(Downloader.class.getName());
    /** No backbone Genrekit knows is anywhere near this; a larger answer is not weights. */
    static final long MAX_BYTES = 512L << 20;
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    /** Told how far the download is; called on the downloading thread. */
    @FunctionalInterface
    public interface Listener {
        Listener NONE = (done, total) -> { };

        /**
         * @param done  bytes received so far
         * @param total the size the server announced, or -1 when it did not
         */
        void progress(long done, long total);
    }

    private final HttpClient client;

    /** Follows redirects (not from https to http), 60 s to connect. */
    public Downloader() {
        this(HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(TIMEOUT).build());
    }

    public Downloader(HttpClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    /**
     * Downloads {@code url} and installs it as {@code spec}.
     *
     * @param expectedSha256 the file's SHA-256; {@code null} for the published file's
     * @throws IllegalArgumentException when {@code url} is not http(s) or the checksum is not hex
     * @throws IOException              with a one-line reason (HTTP error, checksum, content)
     */
    public InstalledBackbone install(BackboneSpec spec, String url, String expectedSha256, Listener listener) throws IOException, InterruptedException {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(listener, "listener");
        URI uri = uri(url);
        String expected = Checksums.expected(spec, expectedSha256);
        Path backbones = Files.createDirectories(BackboneHome.backbones());
        Path part = Files.createTempFile(backbones, ".download-" + spec.name() + "-", ".part");
        try {
            String sha = download(uri, part, listener);
            if (!sha.equals(expected)) throw new IOException(Checksums.mismatch(spec, expected, sha) + " (downloaded from " + url + ")");
            return BackboneInstaller.install(spec, part, expected, url);
        } finally {
            Files.deleteIfExists(part);
        }
    }

    static URI uri(String url) {
        Objects.requireNonNull(url, "url");
        URI u;
        try {
            u = URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--url is not a URL: '" + url + "'", e);
        }
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || u.getHost() == null) {
            throw new IllegalArgumentException("--url must be an http or https URL, got '" + url + "'");
        }
        return u;
    }

    /** Streams the body to {@code out}; returns its SHA-256. */
    private String download(URI uri, Path out, Listener listener) throws IOException, InterruptedException {
        HttpRequest req = HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("User-Agent", "genrekit").GET().build();
        HttpResponse<InputStream> resp;
        try {
            resp = client.send(req, HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpTimeoutException e) {
            throw new IOException("download failed: no answer from " + uri + " within " + TIMEOUT.toSeconds() + " s", e);
        } catch (ConnectException e) {
            throw new IOException("download failed: cannot connect to " + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "")
                    + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"), e);
        } catch (IOException e) {
            throw new IOException("download failed: " + uri + ": " + e, e);
        }
        Sha256 sha = Sha256.start();
        try (InputStream in = resp.body()) {
            if (resp.statusCode() / 100 != 2) {
                throw new IOException("download failed: HTTP " + resp.statusCode() + " from " + resp.uri());
            }
            long total = resp.headers().firstValueAsLong("Content-Length").orElse(-1);
            if (total > MAX_BYTES) throw new IOException("download failed: " + resp.uri() + " announces " + total + " bytes; no backbone is that large");
            LOG.log(System.Logger.Level.DEBUG, "downloading {0} ({1} bytes)", resp.uri(), total);
            long done = 0;
            byte[] buf = new byte[1 << 16];
            try (OutputStream os = Files.newOutputStream(out)) {
                listener.progress(0, total);
                for (int r; (r = in.read(buf)) >= 0; ) {
                    if (r == 0) continue;
                    os.write(buf, 0, r);
                    sha.update(buf, 0, r);
                    done += r;
                    if (done > MAX_BYTES) throw new IOException("download failed: " + resp.uri() + " sends more than " + MAX_BYTES + " bytes; no backbone is that large");
                    listener.progress(done, total);
                }
            }
            if (total >= 0 && done != total) throw new IOException("download failed: " + resp.uri() + " sent " + done + " of " + total + " bytes");
        } catch (IOException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("download failed")) throw e;
            throw new IOException("download failed: " + uri + ": " + e, e);
        }
        return sha.hex();
    }
}
