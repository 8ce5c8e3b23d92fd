package org.genrekit.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Load generator for {@code genrekit serve} (used by bench/load.sh): C concurrent clients post real
 * audio files to /api/v1/classify until R requests are done, a fraction of them damaged on purpose,
 * and print throughput, latency percentiles and status counts, good and bad uploads apart. After a
 * 503 a client waits for its Retry-After, as a well-behaved client does.
 *
 * <pre>LoadClient URL DIR CONCURRENCY REQUESTS [BAD_FRACTION] [LABEL]</pre>
 */
public final class LoadClient {
    private record Result(boolean bad, int status, double millis) {
    }

    private LoadClient() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 4) {
            System.err.println("usage: LoadClient URL DIR CONCURRENCY REQUESTS [BAD_FRACTION] [LABEL]");
            System.exit(2);
        }
        URI uri = URI.create(args[0].replaceAll("/$", "") + "/api/v1/classify");
        List<byte[]> good = readAudio(Path.of(args[1]));
        int concurrency = Integer.parseInt(args[2]);
        int requests = Integer.parseInt(args[3]);
        double badFraction = args.length > 4 ? Double.parseDouble(args[4]) : 0;
        String label = args.length > 5 ? args[5] : "run";
        if (concurrency < 1 || requests < 1 || badFraction < 0 || badFraction > 1) throw new IllegalArgumentException("bad arguments " + Arrays.toString(args));
        List<byte[]> bad = badUploads(good.get(0));
        String token = System.getenv("GENREKIT_TOKEN");

        ExecutorService io = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "load-client-io");
            t.setDaemon(true);
            return t;
        });
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).executor(io).build();
        AtomicInteger next = new AtomicInteger();
        ConcurrentLinkedQueue<Result> results = new ConcurrentLinkedQueue<>();
        Map<String, AtomicLong> failures = new ConcurrentHashMap<>();
        long t0 = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(concurrency)) {
            for (int c = 0; c < concurrency; c++) {
                int seed = c;
                pool.submit(() -> {
                    Random rnd = new Random(1000 + seed);
                    int i;
                    while ((i = next.getAndIncrement()) < requests) {
                        boolean isBad = rnd.nextDouble() < badFraction;
                        byte[] body = isBad ? bad.get(rnd.nextInt(bad.size())) : good.get(i % good.size());
                        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(120))
                                .header("Content-Type", "application/octet-stream")
                                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
                        if (token != null) b.header("Authorization", "Bearer " + token);
                        long s = System.nanoTime();
                        try {
                            HttpResponse<byte[]> r = client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
                            results.add(new Result(isBad, r.statusCode(), (System.nanoTime() - s) / 1e6));
                            if (r.statusCode() == 503) {
                                // A well-behaved client waits as told before its next request.
                                long wait = r.headers().firstValue("Retry-After").map(Long::parseLong).orElse(1L);
                                Thread.sleep(Math.min(wait, 10) * 1000);
                            }
                        } catch (IOException e) {
                            failures.computeIfAbsent(e.getClass().getSimpleName() + ": " + e.getMessage(), k -> new AtomicLong()).incrementAndGet();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return;
                        }
                    }
                });
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        report(label, concurrency, requests, badFraction, seconds, new ArrayList<>(results), failures);
        client.shutdownNow();
        io.shutdownNow();
    }

    private static void report(String label, int concurrency, int requests, double badFraction, double seconds,
                               List<Result> results, Map<String, AtomicLong> failures) {
        long ok = results.stream().filter(r -> !r.bad() && r.status() == 200).count();
        System.out.printf(Locale.ROOT, "== %s: %d requests, %d concurrent clients, %.0f%% bad uploads%n", label, requests, concurrency, 100 * badFraction);
        System.out.printf(Locale.ROOT, "   wall %.1f s, throughput %.1f req/s (%.1f good 200/s)%n", seconds, results.size() / seconds, ok / seconds);
        for (boolean bad : new boolean[] {false, true}) {
            List<Result> rs = results.stream().filter(r -> r.bad() == bad).toList();
            if (rs.isEmpty()) continue;
            Map<Integer, Long> byStatus = new TreeMap<>();
            rs.forEach(r -> byStatus.merge(r.status(), 1L, Long::sum));
            double[] okMs = rs.stream().filter(r -> r.status() == 200 || bad && r.status() >= 400 && r.status() < 500)
                    .mapToDouble(Result::millis).sorted().toArray();
            System.out.printf(Locale.ROOT, "   %s uploads: %d, status %s%n", bad ? "bad " : "good", rs.size(), byStatus);
            if (okMs.length > 0) {
                System.out.printf(Locale.ROOT, "   %s latency (%s): p50 %.0f ms, p95 %.0f ms, p99 %.0f ms, max %.0f ms%n",
                        bad ? "bad " : "good", bad ? "4xx answers" : "200 answers",
                        pct(okMs, 50), pct(okMs, 95), pct(okMs, 99), okMs[okMs.length - 1]);
            }
            long unexpected = rs.stream().filter(r -> r.status() >= 500 && r.status() != 503 || !bad && r.status() >= 400 && r.status() < 500).count();
            System.out.printf(Locale.ROOT, "   %s unexpected answers (5xx other than 503%s): %d%n", bad ? "bad " : "good", bad ? "" : ", or 4xx", unexpected);
        }
        System.out.println("   transport errors: " + (failures.isEmpty() ? "0" : failures));
    }

    static double pct(double[] sorted, double p) {
        // Nearest-rank percentile.
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static List<byte[]> readAudio(Path dir) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir)) {
            files = s.filter(p -> p.toString().endsWith(".mp3")).sorted().toList();
        }
        if (files.isEmpty()) throw new IllegalArgumentException("no .mp3 files under " + dir);
        List<byte[]> out = new ArrayList<>();
        for (Path f : files.subList(0, Math.min(files.size(), 60))) out.add(Files.readAllBytes(f));
        return out;
    }

    /** Kinds of damage people send: empty, text, a cut-off MP3, random bytes. */
    private static List<byte[]> badUploads(byte[] mp3) {
        byte[] random = new byte[200_000];
        new Random(7).nextBytes(random);
        return List.of(new byte[0], "this is not a song\n".repeat(2000).getBytes(StandardCharsets.UTF_8),
                Arrays.copyOf(mp3, mp3.length * 2 / 5), random);
    }
}
