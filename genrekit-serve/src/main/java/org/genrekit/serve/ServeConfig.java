package org.genrekit.serve;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything the service needs to know besides its models. Immutable; validated on construction
 * with messages that name the option.
 *
 * @param host             interface to bind (loopback by default: exposing the service is a decision)
 * @param port             TCP port, 0 picks a free one (tests)
 * @param token            API token required on /api and /metrics, or null for none
 * @param maxUploadBytes   larger uploads are refused with 413 before they are stored
 * @param maxSeconds       seconds of audio analysed after the offset (ignored with wholeFile)
 * @param offsetSeconds    where analysis starts in each upload
 * @param wholeFile        analyse everything after the offset instead of maxSeconds
 * @param maxFileSeconds   with wholeFile: longer files are refused (bounds decode memory)
 * @param workers          threads decoding and classifying
 * @param queue            admitted requests that may wait for a worker; beyond workers+queue: 503
 * @param timeout          longest wait for a worker's answer before giving up with 503
 * @param corsOrigin       the one origin allowed cross-origin, or null (CORS off)
 * @param tempDir          where uploads are held while analysed (each removed after its request)
 * @param uploads          how long and how slowly an upload body may arrive
 */
public record ServeConfig(String host, int port, String token, long maxUploadBytes, double maxSeconds,
                          double offsetSeconds, boolean wholeFile, double maxFileSeconds, int workers, int queue,
                          Duration timeout, String corsOrigin, Path tempDir, UploadLimits uploads) {
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8080;
    public static final long DEFAULT_MAX_UPLOAD_BYTES = 50L * 1024 * 1024;
    public static final double DEFAULT_MAX_SECONDS = 30;
    public static final double DEFAULT_MAX_FILE_SECONDS = 1200;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    public ServeConfig {
        Objects.requireNonNull(host, "host");
        if (host.isBlank()) throw new IllegalArgumentException("host must not be blank");
        if (port < 0 || port > 65535) throw new IllegalArgumentException("port must be in [0, 65535], got " + port);
        if (token != null && token.isBlank()) throw new IllegalArgumentException("token must not be blank when given");
        if (maxUploadBytes <= 0) throw new IllegalArgumentException("maxUploadBytes must be > 0, got " + maxUploadBytes);
        if (!(maxSeconds > 0)) throw new IllegalArgumentException("maxSeconds must be > 0, got " + maxSeconds);
        if (!(offsetSeconds >= 0)) throw new IllegalArgumentException("offsetSeconds must be >= 0, got " + offsetSeconds);
        if (!(maxFileSeconds > 0)) throw new IllegalArgumentException("maxFileSeconds must be > 0, got " + maxFileSeconds);
        if (workers < 1) throw new IllegalArgumentException("workers must be >= 1, got " + workers);
        if (queue < 0) throw new IllegalArgumentException("queue must be >= 0, got " + queue);
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) throw new IllegalArgumentException("timeout must be > 0, got " + timeout);
        if (corsOrigin != null && corsOrigin.isBlank()) throw new IllegalArgumentException("corsOrigin must not be blank when given");
        Objects.requireNonNull(tempDir, "tempDir");
        Objects.requireNonNull(uploads, "uploads");
    }

    /** With {@link UploadLimits#defaults()}. */
    public ServeConfig(String host, int port, String token, long maxUploadBytes, double maxSeconds, double offsetSeconds,
                       boolean wholeFile, double maxFileSeconds, int workers, int queue, Duration timeout, String corsOrigin, Path tempDir) {
        this(host, port, token, maxUploadBytes, maxSeconds, offsetSeconds, wholeFile, maxFileSeconds, workers, queue, timeout,
                corsOrigin, tempDir, UploadLimits.defaults());
    }

    /**
     * Loopback, port 8080, 50 MB, the whole file up to 20 minutes (so the API answers as {@code classify}
     * does), one worker per core, a queue of two per worker, 30 s timeout.
     */
    public static ServeConfig defaults() {
        int cores = Runtime.getRuntime().availableProcessors();
        return new ServeConfig(DEFAULT_HOST, DEFAULT_PORT, null, DEFAULT_MAX_UPLOAD_BYTES, DEFAULT_MAX_SECONDS, 0,
                true, DEFAULT_MAX_FILE_SECONDS, cores, 2 * cores, DEFAULT_TIMEOUT, null,
                Path.of(System.getProperty("java.io.tmpdir")));
    }

    public ServeConfig withHost(String v) { return new ServeConfig(v, port, token, maxUploadBytes, maxSeconds, offsetSeconds, wholeFile, maxFileSeconds, workers, queue, timeout, corsOrigin, tempDir, uploads); }
    public ServeConfig withPort(int v) { return new ServeConfig(host, v, token, maxUploadBytes, maxSeconds, offsetSeconds, wholeFile, maxFileSeconds, workers, queue, timeout, corsOrigin, tempDir, uploads); }
    public ServeConfig withToken(String v) { return new ServeConfig(host, port, v, maxUploadBytes, maxSeconds, offsetSeconds, wholeFile, maxFileSeconds, workers, queue, timeout, corsOrigin, tempDir, uploads); }
    public ServeConfig withMaxUploadBytes(long v) { return new ServeConfig(host, port, token, v, maxSeconds, offsetSeconds, wholeFile, maxFileSeconds, workers, queue, timeout, corsOrigin, tempDir, uploads); }
    /** A cap on the seconds analysed (which turns whole-file analysis off). */
    public ServeConfig withMaxSeconds(double v) { return new ServeConfig(host, port, token, maxUploadBytes, v, offsetSeconds, false, maxFileSeconds, workers, queue, timeout, corsOrigin, tempDir, uploads); }
    public ServeConfig withOffsetSeconds(double v) { return new ServeConfig(host, port, token, maxUploadBytes, maxSeconds, v, wholeFile, maxFileSeconds, workers, queue, timeout, corsOrigin, tempDir, uploads); }
    public ServeConfig withWholeFile(boolean v) { return new ServeConfig(host, port, token, maxUploadBytes, maxSeconds, offsetSeconds, v, maxFileSeconds, workers, queue, timeout, corsOrigin, tempDir, uploads); }
    public ServeConfig withMaxFileSeconds(double v) { return new ServeConfig(host, port, token, maxUploadBytes, maxSeconds, offsetSeconds, wholeFile, v, workers, queue, timeout, corsOrigin, tempDir, uploads); }
    public ServeConfig withWorkers(int v) { return new ServeConfig(host, port, token, maxUploadBytes, maxSeconds, offsetSeconds, wholeFile, maxFileSeconds, v, queue, timeout, corsOrigin, tempDir, uploads); }
    public ServeConfig withQueue(int v) { return new ServeConfig(host, port, token, maxUploadBytes, maxSeconds, offsetSeconds, wholeFile, maxFileSeconds, workers, v, timeout, corsOrigin, tempDir, uploads); }
    public ServeConfig withTimeout(Duration v) { return new ServeConfig(host, port, token, maxUploadBytes, maxSeconds, offsetSeconds, wholeFile, maxFileSeconds, workers, queue, v, corsOrigin, tempDir, uploads); }
    public ServeConfig withCorsOrigin(String v) { return new ServeConfig(host, port, token, maxUploadBytes, maxSeconds, offsetSeconds, wholeFile, maxFileSeconds, workers, queue, timeout, v, tempDir, uploads); }
    public ServeConfig withUploads(UploadLimits v) { return new ServeConfig(host, port, token, maxUploadBytes, maxSeconds, offsetSeconds, wholeFile, maxFileSeconds, workers, queue, timeout, corsOrigin, tempDir, v); }
    public ServeConfig withTempDir(Path v) { return new ServeConfig(host, port, token, maxUploadBytes, maxSeconds, offsetSeconds, wholeFile, maxFileSeconds, workers, queue, timeout, corsOrigin, v, uploads); }
}
