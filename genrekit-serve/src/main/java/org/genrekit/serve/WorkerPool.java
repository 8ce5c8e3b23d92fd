package org.genrekit.serve;

import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fixed number of workers and a bounded number of admitted requests (workers + queue). A request
 * takes a permit before its upload is read; when none is left the caller answers 503 at once
 * instead of letting work pile up. A permit is given back only when its work has really stopped,
 * so a request that timed out still counts while its worker is busy.
 */
final class WorkerPool implements AutoCloseable {
    /**
     * A held place in the pool; closing it without submitting gives the place back. While its upload
     * arrives, a slow request may {@link #demote()} (give the place back) and {@link #confirm()}
     * (take one again) once its body is complete.
     */
    final class Admission implements AutoCloseable {
        private boolean held = true;
        private boolean submitted;

        /** Gives the place back while the body is still arriving (a timer calls it). */
        synchronized void demote() {
            if (held && !submitted) {
                held = false;
                permits.release();
            }
        }

        /** True when the place is held (again); false when it was given back and none is free now. */
        synchronized boolean confirm() {
            if (!held) held = permits.tryAcquire();
            return held;
        }

        private synchronized void release() {
            if (held) {
                held = false;
                permits.release();
            }
        }

        private synchronized void submitted() {
            if (!held) throw new IllegalStateException("submitting work without a place in the pool");
            submitted = true;
        }

        @Override
        public synchronized void close() {
            if (!submitted) release();
        }
    }

    private final int capacity;
    private final Semaphore permits;
    private final ThreadPoolExecutor executor;
    private final AtomicInteger running = new AtomicInteger();

    WorkerPool(int workers, int queue) {
        this.capacity = workers + queue;
        this.permits = new Semaphore(capacity);
        AtomicInteger n = new AtomicInteger();
        // The queue itself is unbounded: the permits bound it.
        this.executor = new ThreadPoolExecutor(workers, workers, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "genrekit-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    Optional<Admission> tryAdmit() {
        return permits.tryAcquire() ? Optional.of(new Admission()) : Optional.empty();
    }

    /** Runs {@code work} on a worker; the admission's permit returns when the work ends or is cancelled unstarted. */
    <T> FutureTask<T> submit(Admission admission, Callable<T> work) {
        AtomicBoolean started = new AtomicBoolean();
        FutureTask<T> task = new FutureTask<>(() -> {
            started.set(true);
            running.incrementAndGet();
            try {
                return work.call();
            } finally {
                running.decrementAndGet();
                admission.release();
            }
        }) {
            @Override
            protected void done() {
                if (isCancelled() && !started.get()) {
                    executor.remove(this);
                    admission.release();
                }
            }
        };
        admission.submitted();
        executor.execute(task);
        return task;
    }

    /** Requests holding a place (receiving, queued or running). */
    int inFlight() {
        return capacity - permits.availablePermits();
    }

    int queued() {
        return executor.getQueue().size();
    }

    int running() {
        return running.get();
    }

    int capacity() {
        return capacity;
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
