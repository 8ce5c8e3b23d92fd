package org.genrekit.data.extract;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.genrekit.audio.Failures;
import org.genrekit.core.progress.ProgressListener;

/**
 * Runs a per-item computation on all cores with a bounded window of items in flight (so a
 * 100,000-file collection never has more than a few decoded signals in memory), reporting each
 * result to a sink. One failing item is reported and skipped, whatever it throws (an
 * OutOfMemoryError on one huge file included: every item ends as ok or failed, so the counts add
 * up); an exception thrown by the sink itself (e.g. the disk is full) stops the run.
 *
 * @param <T> the item type
 */
public final class ParallelExtractor<T> {
    /** Computes one item's vector. */
    @FunctionalInterface
    public interface Compute<T> {
        float[] apply(T item) throws Exception;
    }

    /** Receives results; called from one thread at a time. */
    public interface Sink<T> {
        void accept(T item, float[] values) throws Exception;

        void failed(T item, String reason, String detail) throws Exception;
    }

    /** What happened. */
    public record Result(int ok, int failed) {
    }

    private final int threads;
    private final boolean ordered;

    /**
     * @param threads worker threads (&gt;= 1)
     * @param ordered deliver results in input order (for output tables); otherwise as they complete
     */
    public ParallelExtractor(int threads, boolean ordered) {
        if (threads < 1) throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        this.threads = threads;
        this.ordered = ordered;
    }

    /** Default thread count: all cores. */
    public static int defaultThreads() {
        return Math.max(1, Runtime.getRuntime().availableProcessors());
    }

    /** The reason name of a failure: AudioDecodeException's reason, OUT_OF_MEMORY, ..., else the exception's simple class name. */
    public static String reasonOf(Throwable e) {
        return Failures.reason(e);
    }

    private record Outcome(float[] values, Throwable error) {
    }

    /** Computes every item on the worker threads and hands each result to {@code sink}; {@code progress} (may be null) counts each item done. */
    public Result run(List<T> items, Compute<T> compute, Sink<T> sink, ProgressListener.Stage progress) throws Exception {
        ProgressListener.Stage bar = progress == null ? ProgressListener.Stage.NONE : progress;
        int window = Math.max(2, threads * 4);
        Semaphore permits = new Semaphore(window);
        Map<Integer, Outcome> done = new ConcurrentHashMap<>();
        AtomicReference<Throwable> sinkError = new AtomicReference<>();
        int[] next = {0};
        int[] counts = {0, 0};
        Object deliverLock = new Object();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "genrekit-extract");
            t.setDaemon(true);
            return t;
        });
        try {
            for (int i = 0; i < items.size() && sinkError.get() == null; i++) {
                permits.acquire();
                final int idx = i;
                pool.execute(() -> {
                    Outcome o;
                    try {
                        o = new Outcome(compute.apply(items.get(idx)), null);
                    } catch (Throwable e) {
                        o = new Outcome(null, e);
                    }
                    if (!ordered) {
                        try {
                            synchronized (deliverLock) {
                                deliver(items.get(idx), o, sink, counts, bar);
                            }
                        } catch (Throwable e) {
                            sinkError.compareAndSet(null, e);
                        } finally {
                            permits.release();
                        }
                        return;
                    }
                    done.put(idx, o);
                    // deliver every completed item at the head of the queue, in order
                    synchronized (deliverLock) {
                        Outcome head;
                        while ((head = done.remove(next[0])) != null) {
                            try {
                                if (sinkError.get() == null) deliver(items.get(next[0]), head, sink, counts, bar);
                            } catch (Throwable e) {
                                sinkError.compareAndSet(null, e);
                            }
                            next[0]++;
                            permits.release();
                        }
                    }
                });
            }
            pool.shutdown();
            while (!pool.awaitTermination(1, TimeUnit.SECONDS)) {
                // waiting for the last items
            }
        } finally {
            pool.shutdownNow();
        }
        Throwable failure = sinkError.get();
        if (failure instanceof Exception e) throw e;
        if (failure instanceof Error e) throw e;
        return new Result(counts[0], counts[1]);
    }

    private void deliver(T item, Outcome o, Sink<T> sink, int[] counts, ProgressListener.Stage bar) throws Exception {
        if (o.error() == null) {
            sink.accept(item, o.values());
            counts[0]++;
            bar.step();
        } else {
            sink.failed(item, reasonOf(o.error()), Failures.message(o.error()));
            counts[1]++;
            bar.fail();
        }
    }
}
