package org.genrekit.batch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.genrekit.audio.Failures;
import org.genrekit.batch.io.CsvResultSink;
import org.genrekit.batch.io.DoneKeys;
import org.genrekit.batch.io.FailureLog;
import org.genrekit.batch.io.JsonlResultSink;
import org.genrekit.batch.io.ParquetResultSink;
import org.genrekit.batch.io.ResultColumns;
import org.genrekit.batch.io.ResultFormat;
import org.genrekit.batch.io.ResultSink;

/**
 * Runs a {@link TrackProcessor} over every file of a source with bounded memory:
 * <pre>
 *   producer (walks the source, skips done files) → bounded queue of paths
 *     → N workers (decode + compute, one track each) → bounded queue of results
 *       → this thread: the single writer (results file, failures file, progress)
 * </pre>
 * No list of files or of decoded audio is ever built: at most {@code 2 × threads} paths and
 * {@code 2 × threads} results wait in the queues, and each worker holds one decoded track. Each
 * result is handed to the operating system as it arrives, so a killed run loses nothing finished
 * and {@code --resume} continues where it stopped.
 */
public final class BatchRunner {
    private static final BatchItem END = new BatchItem("", Path.of("/"));
    private static final TrackResult WORKER_DONE = TrackResult.failure(END, "read", "WORKER_DONE", "", 0);

    private final TrackProcessor processor;
    private final BatchOptions options;
    private final boolean tagColumn;
    private final AtomicBoolean stop = new AtomicBoolean();

    public BatchRunner(TrackProcessor processor, BatchOptions options, boolean tagColumn) {
        this.processor = processor;
        this.options = options;
        this.tagColumn = tagColumn;
    }

    /** Asks a running {@link #run} to stop after the files in progress (Ctrl-C); it then closes its files normally. */
    public void cancel() {
        stop.set(true);
    }

    public ResultColumns columns() {
        return new ResultColumns(processor.labels(), processor.featureColumns(), tagColumn);
    }

    /** Processes {@code source} into {@code out} (+ {@code out.failures.csv}); blocks until done or cancelled. */
    public BatchSummary run(ItemSource source, Path out, BatchProgress progress) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        ResultFormat format = ResultFormat.of(out);
        Path failuresFile = ResultFormat.failuresFile(out);
        Set<String> done;
        if (options.resume()) {
            done = DoneKeys.read(out, !options.retryFailed());
        } else {
            if (hasContent(out) || hasContent(failuresFile)) {
                throw new IOException(out + " already has results: pass --resume to continue that run, or choose another --out");
            }
            done = Set.of();
        }
        // One pass over the source before any output file exists: it gives the progress bar its
        // total, and a source that cannot be read (a manifest without a path column) fails here,
        // instead of leaving an empty results file that blocks the corrected rerun.
        long total = count(source, done);
        ResultColumns cols = columns();
        int n = options.threads();
        BlockingQueue<BatchItem> items = new ArrayBlockingQueue<>(2 * n);
        BlockingQueue<TrackResult> results = new ArrayBlockingQueue<>(2 * n);
        AtomicReference<Throwable> sourceError = new AtomicReference<>();
        AtomicInteger skipped = new AtomicInteger();
        AtomicInteger workersLeft = new AtomicInteger(n);

        try (ResultSink sink = openSink(format, out, cols); FailureLog failures = new FailureLog(failuresFile)) {
            progress.total(total);
            Thread producer = Thread.ofPlatform().name("batch-producer").daemon().start(
                    () -> produce(source, done, items, skipped, sourceError, n));
            List<Thread> workers = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                workers.add(Thread.ofPlatform().name("batch-worker-" + i).daemon().start(
                        () -> work(items, results)));
            }
            long ok = 0, failed = 0;
            try {
                while (true) {
                    TrackResult r = results.poll(1, TimeUnit.SECONDS);
                    if (r == null) {
                        sink.tick();
                        continue;
                    }
                    if (r == WORKER_DONE) {
                        if (workersLeft.decrementAndGet() == 0) break;
                        continue;
                    }
                    if (r.ok()) {
                        sink.write(r);
                        ok++;
                    } else {
                        failures.write(r);
                        failed++;
                    }
                    sink.tick();
                    progress.done(r);
                }
            } catch (IOException | RuntimeException | InterruptedException e) {
                // the writer cannot go on: stop feeding, let workers drop what they hold
                stop.set(true);
                producer.interrupt();
                for (Thread w : workers) w.interrupt();
                throw e;
            }
            producer.join();
            if (sourceError.get() != null) {
                Throwable e = sourceError.get();
                if (e instanceof UncheckedIOException u) throw u.getCause();
                if (e instanceof IOException io) throw io;
                if (e instanceof RuntimeException re) throw re;
                throw new IOException(e);
            }
            BatchSummary s = new BatchSummary(ok, failed, skipped.get(),
                    (System.nanoTime() - t0) / 1e9, stop.get());
            progress.finish(s);
            return s;
        }
    }

    private static boolean hasContent(Path p) throws IOException {
        if (!Files.exists(p)) return false;
        if (Files.isDirectory(p)) {
            try (Stream<Path> s = Files.list(p)) {
                return s.findAny().isPresent();
            }
        }
        return Files.size(p) > 0;
    }

    private ResultSink openSink(ResultFormat format, Path out, ResultColumns cols) throws IOException {
        return switch (format) {
            case CSV -> new CsvResultSink(out, cols);
            case JSONL -> new JsonlResultSink(out, cols);
            case PARQUET -> new ParquetResultSink(out, cols, processor.model(), options.rowsPerPart(), options.partSeconds());
        };
    }

    /** Counts this run's files (paths only, no decoding); a source that cannot be read fails here. */
    private static long count(ItemSource source, Set<String> done) throws IOException {
        long n = 0;
        try (Stream<BatchItem> s = source.open()) {
            Set<String> seen = new HashSet<>();
            for (Iterator<BatchItem> it = s.iterator(); it.hasNext(); ) {
                String k = it.next().key();
                if (!done.contains(k) && seen.add(k)) n++;
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return n;
    }

    private void produce(ItemSource source, Set<String> done, BlockingQueue<BatchItem> items,
                         AtomicInteger skipped, AtomicReference<Throwable> error, int workers) {
        Set<String> seen = new HashSet<>();
        try (Stream<BatchItem> s = source.open()) {
            for (Iterator<BatchItem> it = s.iterator(); it.hasNext() && !stop.get(); ) {
                BatchItem item = it.next();
                if (done.contains(item.key()) || !seen.add(item.key())) {
                    skipped.incrementAndGet();
                    continue;
                }
                items.put(item);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Throwable e) {
            error.set(e);
            stop.set(true);
        } finally {
            for (int i = 0; i < workers; i++) {
                try {
                    items.put(END);
                } catch (InterruptedException e) {
                    // the writer failed and interrupted everyone; workers are being interrupted too
                    break;
                }
            }
        }
    }

    private void work(BlockingQueue<BatchItem> items, BlockingQueue<TrackResult> results) {
        try {
            while (true) {
                BatchItem item = items.take();
                if (item == END) {
                    results.put(WORKER_DONE);
                    return;
                }
                if (stop.get()) continue; // drain without working so that the producer can finish
                long t = System.nanoTime();
                TrackResult r;
                try {
                    r = processor.process(item);
                } catch (RuntimeException e) {
                    r = TrackResult.failure(item, "predict", "INTERNAL_ERROR", e.toString(), (System.nanoTime() - t) / 1e6);
                } catch (Error e) {
                    // An OutOfMemoryError on one huge file is that file's failure; a dead worker
                    // would never send WORKER_DONE and the writer would wait forever.
                    r = TrackResult.failure(item, "predict", Failures.reason(e), Failures.describe(item.path(), e), (System.nanoTime() - t) / 1e6);
                }
                results.put(r);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
    }
}
