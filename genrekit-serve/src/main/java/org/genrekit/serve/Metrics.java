package org.genrekit.serve;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.function.IntSupplier;

/**
 * The service's counters and latency histograms, written in the Prometheus text exposition format
 * (version 0.0.4). Small and dependency-free: a handful of series, updated lock-free.
 */
final class Metrics {
    /** Histogram bucket upper bounds in seconds (a 30 s MP3 takes tens to hundreds of ms). */
    static final double[] BUCKETS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30};
    static final String[] STAGES = {"receive", "queue", "decode", "features", "inference", "spectrogram", "total"};

    private static final class Histogram {
        final AtomicLongArray counts = new AtomicLongArray(BUCKETS.length + 1);
        final DoubleAdder sum = new DoubleAdder();

        void observe(double seconds) {
            int i = 0;
            while (i < BUCKETS.length && seconds > BUCKETS[i]) i++;
            counts.incrementAndGet(i);
            sum.add(seconds);
        }
    }

    private final Map<String, AtomicLong> requests = new ConcurrentHashMap<>(); // "route|code"
    private final Map<String, AtomicLong> errors = new ConcurrentHashMap<>();   // "code|error"
    private final Map<String, Histogram> stages = new ConcurrentHashMap<>();
    private final IntSupplier queueDepth;
    private final IntSupplier inFlight;
    private final IntSupplier running;
    private final int capacity;

    Metrics(IntSupplier queueDepth, IntSupplier inFlight, IntSupplier running, int capacity) {
        this.queueDepth = queueDepth;
        this.inFlight = inFlight;
        this.running = running;
        this.capacity = capacity;
        for (String s : STAGES) stages.put(s, new Histogram());
    }

    void request(String route, int status) {
        requests.computeIfAbsent(route + "|" + status, k -> new AtomicLong()).incrementAndGet();
    }

    void error(int status, String error) {
        errors.computeIfAbsent(status + "|" + error, k -> new AtomicLong()).incrementAndGet();
    }

    void stage(String stage, double millis) {
        Histogram h = stages.get(stage);
        if (h == null) throw new IllegalArgumentException("unknown stage " + stage);
        h.observe(millis / 1000.0);
    }

    String render() {
        StringBuilder sb = new StringBuilder(4096);
        sb.append("# HELP genrekit_http_requests_total HTTP requests answered, by route and status code.\n");
        sb.append("# TYPE genrekit_http_requests_total counter\n");
        for (var e : new TreeMap<>(requests).entrySet()) {
            String[] k = e.getKey().split("\\|", 2);
            sb.append("genrekit_http_requests_total{route=\"").append(escape(k[0])).append("\",code=\"").append(k[1])
                    .append("\"} ").append(e.getValue().get()).append('\n');
        }
        sb.append("# HELP genrekit_http_errors_total Error answers, by status code and error.\n");
        sb.append("# TYPE genrekit_http_errors_total counter\n");
        for (var e : new TreeMap<>(errors).entrySet()) {
            String[] k = e.getKey().split("\\|", 2);
            sb.append("genrekit_http_errors_total{code=\"").append(k[0]).append("\",error=\"").append(escape(k[1]))
                    .append("\"} ").append(e.getValue().get()).append('\n');
        }
        sb.append("# HELP genrekit_stage_seconds Time spent per classification stage.\n");
        sb.append("# TYPE genrekit_stage_seconds histogram\n");
        for (String s : STAGES) {
            Histogram h = stages.get(s);
            long cumulative = 0;
            for (int i = 0; i <= BUCKETS.length; i++) {
                cumulative += h.counts.get(i);
                String le = i < BUCKETS.length ? number(BUCKETS[i]) : "+Inf";
                sb.append("genrekit_stage_seconds_bucket{stage=\"").append(s).append("\",le=\"").append(le).append("\"} ")
                        .append(cumulative).append('\n');
            }
            sb.append("genrekit_stage_seconds_sum{stage=\"").append(s).append("\"} ").append(number(h.sum.sum())).append('\n');
            sb.append("genrekit_stage_seconds_count{stage=\"").append(s).append("\"} ").append(cumulative).append('\n');
        }
        gauge(sb, "genrekit_queue_depth", "Classifications waiting for a worker.", queueDepth.getAsInt());
        gauge(sb, "genrekit_in_flight", "Classify requests holding a place (receiving, queued or running).", inFlight.getAsInt());
        gauge(sb, "genrekit_workers_busy", "Workers decoding or classifying now.", running.getAsInt());
        gauge(sb, "genrekit_capacity", "Places (workers + queue); beyond them requests get 503.", capacity);
        return sb.toString();
    }

    private static void gauge(StringBuilder sb, String name, String help, long value) {
        sb.append("# HELP ").append(name).append(' ').append(help).append('\n');
        sb.append("# TYPE ").append(name).append(" gauge\n");
        sb.append(name).append(' ').append(value).append('\n');
    }

    private static String number(double v) {
        return String.format(Locale.ROOT, "%s", v);
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
