package org.genrekit.apps.cli.serve;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.genrekit.apps.cli.Main;
import org.genrekit.apps.cli.Subcommand;
import org.genrekit.apps.cli.UsageException;
import org.genrekit.models.GenreClassifier;
import org.genrekit.models.bundle.ModelLoader;
import org.genrekit.serve.AudioDecoder;
import org.genrekit.serve.GenreServer;
import org.genrekit.serve.ServeConfig;
import org.genrekit.serve.SpectrogramRenderers;
import org.genrekit.serve.UploadLimits;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code genrekit serve}: the HTTP service and web page, until interrupted. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve genre recognition over HTTP until stopped.",
                "POST /api/v1/classify, GET /api/v1/models, /healthz, /metrics, and a web page at / to drop a song on."
                        + " Binds to loopback unless --host says otherwise."})
public final class ServeCommand implements Callable<Integer>, Subcommand {
    static final String TOKEN_ENV = "GENREKIT_TOKEN";

    @Option(names = "--model", paramLabel = "M", description = "Model bundle file (.gkm); repeat to serve several, the first being the default (default: the built-in model).")
    List<Path> models = new ArrayList<>();

    @Option(names = "--host", paramLabel = "HOST", defaultValue = ServeConfig.DEFAULT_HOST, description = "Interface to bind (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080", description = "TCP port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--token", paramLabel = "T", description = "API token required on /api and /metrics (default: env " + TOKEN_ENV + ", else none).")
    String token;

    @Option(names = "--max-upload-mb", paramLabel = "MB", defaultValue = "50", description = "Largest upload in MB (default: ${DEFAULT-VALUE}).")
    double maxUploadMb;

    @Option(names = "--max-seconds", paramLabel = "S",
            description = "Analyse at most S seconds after the offset, whatever a request asks (default: the whole file, as classify does).")
    Double maxSeconds;

    @Option(names = "--offset", paramLabel = "S", defaultValue = "0", description = "Start the analysis S seconds into each file (default: ${DEFAULT-VALUE}).")
    double offset;

    // The default since the API answers as classify does; kept so that older command lines still start.
    @Option(names = "--whole-file", hidden = true, description = "Analyse the whole file after the offset (the default).")
    boolean wholeFile;

    @Option(names = "--max-file-seconds", paramLabel = "S", defaultValue = "1200", description = "Without --max-seconds: refuse files longer than S seconds, which bounds decoding memory (default: ${DEFAULT-VALUE}).")
    double maxFileSeconds;

    @Option(names = "--workers", paramLabel = "N", description = "Decode and classify threads (default: CPU cores).")
    Integer workers;

    @Option(names = "--queue", paramLabel = "N", description = "Requests that may wait for a worker; beyond that 503 (default: 2 x workers).")
    Integer queue;

    @Option(names = "--timeout-s", paramLabel = "S", defaultValue = "30", description = "Longest wait for an answer before 503 (default: ${DEFAULT-VALUE}).")
    double timeoutSeconds;

    @Option(names = "--cors", paramLabel = "ORIGIN", description = "Allow this origin (or *) cross-origin (default: CORS off).")
    String cors;

    @Option(names = "--upload-timeout-s", paramLabel = "S", defaultValue = "120", description = "Longest time one upload body may take; then 408 (default: ${DEFAULT-VALUE}).")
    double uploadTimeoutSeconds;

    @Option(names = "--min-upload-kbps", paramLabel = "KB/S", defaultValue = "8", description = "Least average upload rate in KB/s after the first 5 s; slower: 408 (default: ${DEFAULT-VALUE}).")
    double minUploadKbps;

    @Option(names = "--upload-slots", paramLabel = "N", description = "Upload bodies received at once; beyond that 503 (default: max(16, 4 x (workers + queue))).")
    Integer uploadSlots;

    private UploadLimits uploadLimits() {
        if (!(uploadTimeoutSeconds > 0)) throw new UsageException("--upload-timeout-s must be > 0, got " + uploadTimeoutSeconds);
        if (!(minUploadKbps >= 0)) throw new UsageException("--min-upload-kbps must be >= 0, got " + minUploadKbps);
        return UploadLimits.defaults().withSlots(uploadSlots == null ? 0 : uploadSlots)
                .withDeadline(Duration.ofMillis(Math.round(uploadTimeoutSeconds * 1000)))
                .withMinBytesPerSecond(Math.round(minUploadKbps * 1024));
    }

    @Override
    public Integer call() throws Exception {
        int w = workers != null ? workers : Runtime.getRuntime().availableProcessors();
        if (!(maxUploadMb > 0)) throw new UsageException("--max-upload-mb must be > 0, got " + maxUploadMb);
        if (!(timeoutSeconds > 0)) throw new UsageException("--timeout-s must be > 0, got " + timeoutSeconds);
        String tok = token != null ? token : System.getenv(TOKEN_ENV);
        if (tok != null && tok.isBlank()) tok = null;
        if (wholeFile && maxSeconds != null) throw new UsageException("--whole-file and --max-seconds contradict each other: give one");
        boolean whole = maxSeconds == null;
        Path tempDir = Files.createTempDirectory("genrekit-serve-");
        ServeConfig config;
        try {
            config = new ServeConfig(host, port, tok, Math.round(maxUploadMb * 1024 * 1024), whole ? 30 : maxSeconds, offset, whole,
                    maxFileSeconds, w, queue != null ? queue : 2 * w, Duration.ofMillis(Math.round(timeoutSeconds * 1000)), cors, tempDir,
                    uploadLimits());
        } catch (RuntimeException e) {
            Files.deleteIfExists(tempDir);
            throw e;
        }
        List<GenreClassifier> loaded = new ArrayList<>();
        GenreServer server;
        try {
            if (models.isEmpty()) loaded.add(ModelLoader.load((Path) null));
            for (Path m : models) loaded.add(ModelLoader.load(m));
            server = new GenreServer(config, loaded, AudioDecoder.ffmpeg(), SpectrogramRenderers.logMel());
            server.start();
        } catch (IOException | RuntimeException e) {
            loaded.forEach(GenreClassifier::close);
            Files.deleteIfExists(tempDir);
            throw e;
        }
        if (!InetAddress.getByName(host).isLoopbackAddress() && tok == null) {
            System.err.println("genrekit serve: WARNING: listening on " + host + " without an API token; set --token or " + TOKEN_ENV);
        }
        for (GenreClassifier m : loaded) {
            System.err.println("genrekit serve: model " + m.name() + " " + m.version() + " (" + m.labels().size() + " genres, " + m.recipe().id() + ")");
        }
        System.err.println("genrekit serve: http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + server.port() + "/  ("
                + w + " workers, queue " + config.queue() + ", " + (whole ? "whole file up to " + maxFileSeconds + " s" : maxSeconds + " s") + " analysed; Ctrl-C stops)");
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            loaded.forEach(GenreClassifier::close);
            removeTempDir(tempDir);
            stopped.countDown();
        }, "genrekit-serve-shutdown"));
        stopped.await();
        return Main.EXIT_OK;
    }

    /** Removes the upload directory and anything a request stopped mid-way left in it. */
    private static void removeTempDir(Path dir) {
        try (var files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) Files.deleteIfExists(f);
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            System.err.println("genrekit serve: could not remove " + dir + ": " + e.getMessage());
        }
    }
}
