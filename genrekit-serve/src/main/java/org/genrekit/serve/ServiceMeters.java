package org.genrekit.serve;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jetty.JettyServerThreadPoolMetrics;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import org.eclipse.jetty.util.thread.ThreadPool;

/**
 * The service's meters in a Micrometer Prometheus registry: requests by route and status code,
 * errors by code, a latency histogram per classification stage, the pool's gauges, plus the JVM
 * (memory, GC, threads, classes), process CPU and uptime, and Jetty's thread pool. Prometheus
 * names: {@code genrekit_http_requests_total}, {@code genrekit_http_errors_total},
 * {@code genrekit_stage_seconds}, {@code genrekit_queue_depth}, {@code genrekit_in_flight},
 * {@code genrekit_workers_busy}, {@code genrekit_capacity}; {@code jvm_*}, {@code process_*},
 * {@code system_*}, {@code jetty_threads_*}.
 */
final class ServiceMeters implements AutoCloseable {
    /** Histogram bucket upper bounds (a 30 s MP3 takes tens to hundreds of ms). */
    static final Duration[] BUCKETS = Arrays.stream(new double[] {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30})
            .mapToObj(s -> Duration.ofNanos(Math.round(s * 1e9))).toArray(Duration[]::new);
    static final String[] STAGES = {"receive", "queue", "decode", "features", "inference", "spectrogram", "total"};

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Map<String, Timer> stages;
    private final JvmGcMetrics gc = new JvmGcMetrics();

    ServiceMeters(IntSupplier queueDepth, IntSupplier inFlight, IntSupplier running, int capacity) {
        stages = Map.copyOf(Arrays.stream(STAGES).collect(java.util.stream.Collectors.toMap(s -> s, s -> Timer.builder("genrekit.stage")
                .description("Time spent per classification stage.")
                .tag("stage", s)
                .serviceLevelObjectives(BUCKETS)
                .register(registry))));
        gauge("genrekit.queue.depth", "Classifications waiting for a worker.", queueDepth);
        gauge("genrekit.in.flight", "Classify requests holding a place (receiving, queued or running).", inFlight);
        gauge("genrekit.workers.busy", "Workers decoding or classifying now.", running);
        gauge("genrekit.capacity", "Places (workers + queue); beyond them requests get 503.", () -> capacity);
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    private void gauge(String name, String help, IntSupplier value) {
        Gauge.builder(name, value::getAsInt).description(help).register(registry);
    }

    /** Jetty's thread pool: busy, idle, queued jobs, configured min and max. */
    void bindJetty(ThreadPool pool) {
        new JettyServerThreadPoolMetrics(pool, Tags.empty()).bindTo(registry);
    }

    void request(String route, int status) {
        Counter.builder("genrekit.http.requests").description("HTTP requests answered, by route and status code.")
                .tags("route", route, "code", Integer.toString(status)).register(registry).increment();
    }

    void error(int status, String error) {
        Counter.builder("genrekit.http.errors").description("Error answers, by status code and error.")
                .tags("code", Integer.toString(status), "error", error).register(registry).increment();
    }

    void stage(String stage, double millis) {
        Timer t = stages.get(stage);
        if (t == null) throw new IllegalArgumentException("unknown stage " + stage);
        if (!Double.isFinite(millis) || millis < 0) throw new IllegalArgumentException("stage " + stage + " took " + millis + " ms");
        t.record(Math.round(millis * 1e6), TimeUnit.NANOSECONDS);
    }

    /** The Prometheus text exposition (format 0.0.4). */
    String scrape() {
        return registry.scrape();
    }

    @Override
    public void close() {
        gc.close(); // its GC notification listeners outlive the registry otherwise
        registry.close();
    }
}
