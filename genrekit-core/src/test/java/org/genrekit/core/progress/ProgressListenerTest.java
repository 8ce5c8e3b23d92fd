package org.genrekit.core.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressListenerTest {
    /** Records what a library reports. */
    private static final class Recorder implements ProgressListener {
        final List<String> events = new ArrayList<>();
        final AtomicLong steps = new AtomicLong();

        @Override
        public Stage start(String label, long total) {
            synchronized (events) {
                events.add("start " + label + " " + total);
            }
            return new Stage() {
                @Override
                public void step(long n) {
                    steps.addAndGet(n);
                }

                @Override
                public void end(String summary) {
                    synchronized (events) {
                        events.add("end " + summary);
                    }
                }
            };
        }
    }

    /** What a library does: asks for the listener on its thread, steps from a pool. */
    private static long libraryWork(int items) {
        ProgressListener progress = ProgressListener.current();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try (ProgressListener.Stage stage = progress.start("work", items)) {
            for (int i = 0; i < items; i++) {
                Runnable done = i % 5 == 0 ? stage::fail : stage::step;
                pool.execute(done);
            }
            pool.shutdown();
            if (!pool.awaitTermination(10, TimeUnit.SECONDS)) throw new IllegalStateException("the pool did not finish");
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
        return items;
    }

    @Test
    void theCallersListenerHearsTheLibraryIncludingItsWorkerThreads() throws Exception {
        Recorder r = new Recorder();
        ProgressListener.runWith(r, () -> libraryWork(100));
        assertEquals(List.of("start work 100", "end null"), r.events);
        assertEquals(100, r.steps.get());
    }

    @Test
    void withoutABindingNothingIsReported() throws Exception {
        assertSame(ProgressListener.NONE, ProgressListener.current());
        assertEquals(10, libraryWork(10));
    }

    @Test
    void theBindingEndsWithTheCall() throws Exception {
        Recorder r = new Recorder();
        ProgressListener.runWith(r, () -> ProgressListener.current());
        assertSame(ProgressListener.NONE, ProgressListener.current());
    }
}
