package org.genrekit.serve;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;
import org.genrekit.models.GenreClassifier;

/**
 * The Genrekit HTTP service: classify uploads, list models, health, Prometheus metrics and the web
 * page. Models, decoder and spectrogram renderer are injected, so tests run it with their own.
 * Every error answer is JSON {@code {error, detail}}; 500 only for our own bugs.
 */
public final class GenreServer implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(GenreServer.class.getName());
    static final String CLASSIFY = "/api/v1/classify";
    static final String MODELS = "/api/v1/models";
    private static final String WEB = "/org/genrekit/serve/web/";
    private static final Map<String, String> PAGES = Map.of(
            "/", "index.html;text/html; charset=utf-8",
            "/app.js", "app.js;text/javascript; charset=utf-8",
            "/app.css", "app.css;text/css; charset=utf-8");

    /** Listen backlog: connections the kernel holds until they are accepted (then answered, 503 when busy). */
    static final int ACCEPT_QUEUE = 1024;

    private final ServeConfig config;
    private final ModelRegistry models;
    private final WorkerPool pool;
    private final ServiceMeters metrics;
    private final ClassifyService service;
    private final UploadReceiver receiver;
    private final ObjectMapper json = new ObjectMapper();
    private final byte[] tokenBytes;
    private final int uploadSlotCount;
    private final Semaphore uploadSlots;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "genrekit-upload-timer");
        t.setDaemon(true);
        return t;
    });
    private Javalin app;

    public GenreServer(ServeConfig config, List<GenreClassifier> models, AudioDecoder decoder, SpectrogramRenderer renderer) {
        if (!Files.isDirectory(config.tempDir())) {
            throw new IllegalArgumentException("temp directory " + config.tempDir() + " does not exist");
        }
        this.config = config;
        this.models = new ModelRegistry(models);
        this.pool = new WorkerPool(config.workers(), config.queue());
        this.metrics = new ServiceMeters(pool::queued, pool::inFlight, pool::running, pool.capacity());
        this.service = new ClassifyService(this.models, decoder, renderer, config, metrics);
        this.receiver = new UploadReceiver(config.tempDir(), config.maxUploadBytes());
        this.tokenBytes = config.token() == null ? null : config.token().getBytes(StandardCharsets.UTF_8);
        this.uploadSlotCount = config.uploads().slotsFor(pool.capacity());
        this.uploadSlots = new Semaphore(uploadSlotCount);
    }

    /** Binds and starts serving; returns this (port() then tells the bound port). */
    public synchronized GenreServer start() {
        if (app != null) throw new IllegalStateException("server already started");
        app = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.jetty.modifyServer(server -> metrics.bindJetty(server.getThreadPool()));
            cfg.jetty.addConnector((server, http) -> {
                ServerConnector c = new ServerConnector(server, new HttpConnectionFactory(http));
                c.setHost(config.host());
                c.setPort(config.port());
                // The kernel's default listen backlog (50) reset connections beyond it under a burst
                // with no HTTP answer at all; accepted, they get 503 busy instead.
                c.setAcceptQueueSize(ACCEPT_QUEUE);
                return c;
            });
            cfg.routes.before(this::guard);
            cfg.routes.options("/*", this::preflight);
            cfg.routes.post(CLASSIFY, route("classify", this::classify));
            cfg.routes.get(MODELS, route("models", this::listModels));
            cfg.routes.get("/healthz", route("healthz", this::health));
            cfg.routes.get("/metrics", route("metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape())));
            for (String path : PAGES.keySet()) cfg.routes.get(path, route("page", this::page));
            cfg.routes.error(404, ctx -> {
                if (ctx.path().startsWith("/api/")) {
                    error(ctx, "other", new ApiException(404, "not_found", ctx.method() + " " + ctx.path()
                            + " does not exist; see POST " + CLASSIFY + " and GET " + MODELS));
                }
            });
        });
        app.start();
        return this;
    }

    public int port() {
        if (app == null) throw new IllegalStateException("server not started");
        return app.port();
    }

    public ServeConfig config() {
        return config;
    }

    @Override
    public synchronized void close() {
        if (app != null) app.stop();
        pool.close();
        timer.shutdownNow();
        metrics.close();
    }

    // --- cross-cutting: CORS and token ---------------------------------------------------------

    private void guard(Context ctx) {
        String origin = ctx.header("Origin");
        if (config.corsOrigin() != null && origin != null
                && (config.corsOrigin().equals("*") || config.corsOrigin().equals(origin))) {
            ctx.header("Access-Control-Allow-Origin", config.corsOrigin().equals("*") ? "*" : origin);
            ctx.header("Vary", "Origin");
        }
        boolean protectedPath = ctx.path().startsWith("/api/") || ctx.path().equals("/metrics");
        if (tokenBytes != null && protectedPath && !ctx.method().name().equals("OPTIONS") && !tokenMatches(ctx.header("Authorization"))) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"genrekit\"");
            error(ctx, routeName(ctx.path()), new ApiException(401, "unauthorized", "this server needs an API token: send 'Authorization: Bearer <token>'"));
            ctx.skipRemainingHandlers();
        }
    }

    private boolean tokenMatches(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) return false;
        // Constant-time comparison: the token must not leak through timing.
        return MessageDigest.isEqual(tokenBytes, authorization.substring(7).trim().getBytes(StandardCharsets.UTF_8));
    }

    private void preflight(Context ctx) {
        // guard() has set the allow header only for the configured origin.
        if (ctx.res().getHeader("Access-Control-Allow-Origin") == null) {
            ctx.status(404);
            return;
        }
        ctx.header("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
        ctx.header("Access-Control-Allow-Headers", "Authorization, Content-Type");
        ctx.header("Access-Control-Max-Age", "600");
        ctx.status(204);
    }

    // --- routes ----------------------------------------------------------------------------

    private void classify(Context ctx) throws Exception {
        long t0 = System.nanoTime();
        String contentType = ctx.req().getContentType();
        boolean multipart = contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/");
        receiver.checkDeclaredLength(ctx.req().getContentLengthLong(), multipart);
        WorkerPool.Admission admission = pool.tryAdmit().orElseThrow(() -> busy(ctx, "all " + pool.capacity()
                + " places (workers + queue) are taken; retry shortly"));
        try (admission; Upload upload = receive(ctx, admission)) {
            if (!admission.confirm()) {
                throw busy(ctx, "all " + pool.capacity() + " places (workers + queue) were taken while the upload arrived; retry shortly");
            }
            double receiveMs = ClassifyService.millisSince(t0);
            metrics.stage("receive", receiveMs);
            ClassifyRequest request = ClassifyRequest.of(name -> param(ctx, upload, name), config);
            GenreClassifier model = models.get(request.model());
            Map<String, Double> timings = new LinkedHashMap<>();
            timings.put("receive", receiveMs);
            long submitted = System.nanoTime();
            FutureTask<ObjectNode> task = pool.submit(admission, () -> {
                double queueMs = ClassifyService.millisSince(submitted);
                metrics.stage("queue", queueMs);
                timings.put("queue", queueMs);
                return service.classify(upload, model, request, timings);
            });
            ObjectNode result;
            try {
                result = task.get(config.timeout().toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                task.cancel(true);
                ctx.header("Retry-After", "5");
                throw new ApiException(503, "timeout", "no answer within " + Limits.seconds(config.timeout().toMillis() / 1000.0)
                        + "; the service is overloaded or the file is very long");
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof ApiException api) throw api;
                if (cause instanceof Exception ex) throw ex;
                throw new IllegalStateException(cause);
            }
            double totalMs = ClassifyService.millisSince(t0);
            metrics.stage("total", totalMs);
            ((ObjectNode) result.get("timings")).put("total_ms", totalMs);
            sendJson(ctx, 200, result);
        }
    }

    private static ApiException busy(Context ctx, String detail) {
        ctx.header("Retry-After", "1");
        return new ApiException(503, "busy", detail);
    }

    /**
     * Receives the body in one of the upload slots, at the configured pace. A body still arriving
     * after {@code reserve} gives its worker place back, so that slow clients never hold the
     * places that fast ones need.
     */
    private Upload receive(Context ctx, WorkerPool.Admission admission) throws IOException {
        if (!uploadSlots.tryAcquire()) {
            throw busy(ctx, "all " + uploadSlotCount + " upload slots are taken by uploads in progress; retry shortly");
        }
        ScheduledFuture<?> demotion = timer.schedule(admission::demote, config.uploads().reserve().toMillis(), TimeUnit.MILLISECONDS);
        try {
            return receiver.receive(ctx.req(), new PacedInputStream(ctx.req().getInputStream(), config.uploads()));
        } finally {
            demotion.cancel(false);
            uploadSlots.release();
        }
    }

    /**
     * Before an error answer to an upload: reads and discards what is left of the body, at most one
     * more upload limit. Answering while the client is still sending makes the server close the
     * connection, and many clients then report a reset instead of our answer. A body refused for
     * its declared size is not read at all (so a client that sent {@code Expect: 100-continue}
     * never sends it) and the connection is closed.
     */
    private void settleBody(Context ctx, int status) {
        if (!ctx.method().name().equals("POST")) return;
        long declared = ctx.req().getContentLengthLong();
        if (status == 413 && declared > config.maxUploadBytes()) {
            ctx.header("Connection", "close");
            return;
        }
        // Paced like an upload: a slow client cannot hold this thread for longer than its upload could.
        try (InputStream in = new LimitedInputStream(new PacedInputStream(ctx.req().getInputStream(), config.uploads()),
                config.maxUploadBytes() + 64 * 1024, "upload")) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        } catch (IOException | ApiException e) {
            // The error is the answer either way; a client that stops sending or sends too much loses its connection.
            ctx.header("Connection", "close");
        }
    }

    /** A form field wins over the query parameter of the same name. */
    private static String param(Context ctx, Upload upload, String name) {
        String v = upload.fields().get(name);
        return v != null ? v : ctx.queryParam(name);
    }

    private void listModels(Context ctx) {
        List<Map<String, Object>> out = models.all().stream().map(m -> {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("name", m.name());
            e.put("version", m.version());
            e.put("labels", m.labels());
            e.put("recipe", m.recipe().id());
            e.put("sampleRate", m.loadOptions().targetSampleRate());
            e.put("metadata", PublicMetadata.of(m.metadata())); // no absolute paths of the server's files
            return e;
        }).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("default", models.defaultModel().name());
        body.put("models", out);
        Map<String, Object> limits = new LinkedHashMap<>();
        limits.put("maxUploadBytes", config.maxUploadBytes());
        limits.put("maxSeconds", config.wholeFile() ? null : config.maxSeconds());
        limits.put("offsetSeconds", config.offsetSeconds());
        limits.put("wholeFile", config.wholeFile());
        limits.put("timeoutSeconds", config.timeout().toMillis() / 1000.0);
        body.put("limits", limits);
        sendJson(ctx, 200, body);
    }

    private void health(Context ctx) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "ok");
        body.put("models", models.all().size());
        body.put("inFlight", pool.inFlight());
        body.put("capacity", pool.capacity());
        sendJson(ctx, 200, body);
    }

    private void page(Context ctx) throws IOException {
        String[] spec = PAGES.get(ctx.path()).split(";", 2);
        try (InputStream in = GenreServer.class.getResourceAsStream(WEB + spec[0])) {
            if (in == null) throw new IllegalStateException("web resource " + spec[0] + " is missing from the build");
            ctx.contentType(spec[1]);
            // Only our own files and inline images: the page must work offline, without any CDN.
            ctx.header("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; connect-src 'self'");
            ctx.header("X-Content-Type-Options", "nosniff");
            ctx.result(in.readAllBytes());
        }
    }

    // --- answering -------------------------------------------------------------------------

    private interface Route {
        void handle(Context ctx) throws Exception;
    }

    /** Wraps a route: JSON errors, metrics per route and status code. */
    private Handler route(String name, Route r) {
        return ctx -> {
            try {
                r.handle(ctx);
                metrics.request(name, ctx.statusCode());
            } catch (ApiException e) {
                error(ctx, name, e);
            } catch (UncheckedIOException | IOException e) {
                if (hasCause(e, java.util.concurrent.TimeoutException.class)) {
                    error(ctx, name, new ApiException(408, "upload_timeout", "the upload stalled; the connection's idle timeout passed"));
                } else if (isClientGone(e)) {
                    error(ctx, name, new ApiException(400, "client_aborted", "the upload stopped before it was complete"));
                } else {
                    bug(ctx, name, e);
                }
            } catch (Exception e) {
                bug(ctx, name, e);
            }
        };
    }

    private void bug(Context ctx, String name, Exception e) {
        LOG.log(System.Logger.Level.ERROR, "internal error on " + ctx.method() + " " + ctx.path(), e);
        // The client sees the kind of failure, never where the server keeps its files.
        String message = e.getMessage() == null ? "" : ": " + e.getMessage().replace(config.tempDir().toAbsolutePath().toString(), "<upload dir>");
        error(ctx, name, new ApiException(500, "internal", "internal error: " + e.getClass().getSimpleName() + message));
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) if (type.isInstance(t)) return true;
        return false;
    }

    private static boolean isClientGone(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String n = t.getClass().getName();
            if (n.contains("EofException") || n.contains("BadMessageException") || t instanceof java.io.EOFException) return true;
        }
        return false;
    }

    private void error(Context ctx, String route, ApiException e) {
        if (e.error().equals("upload_too_slow")) {
            ctx.header("Connection", "close"); // reading the rest of a slow body is what the limit forbids
        } else if (!e.error().equals("client_aborted") && !e.error().equals("upload_timeout")) {
            settleBody(ctx, e.status());
            // Jetty drops the connection after its multipart parser failed or refused a part for its
            // size; saying so keeps a client from sending its next request on it and getting no answer.
            boolean multipart = ctx.contentType() != null && ctx.contentType().toLowerCase(java.util.Locale.ROOT).startsWith("multipart/");
            if (e.error().equals("bad_multipart") || multipart && e.error().equals("too_large")) ctx.header("Connection", "close");
        }
        metrics.request(route, e.status());
        metrics.error(e.status(), e.error());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", e.error());
        body.put("detail", e.detail());
        sendJson(ctx, e.status(), body);
    }

    private void sendJson(Context ctx, int status, Object body) {
        try {
            ctx.status(status).contentType("application/json").result(json.writeValueAsBytes(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String routeName(String path) {
        if (path.equals(CLASSIFY)) return "classify";
        if (path.equals(MODELS)) return "models";
        if (path.equals("/metrics")) return "metrics";
        return "other";
    }
}
