package org.genrekit.data.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.genrekit.audio.AudioDecodeException;
import org.junit.jupiter.api.Test;

class ParallelExtractorTest {
    @Test
    void orderedDeliveryBoundedWindowAndFailuresReported() throws Exception {
        List<Integer> items = IntStream.range(0, 200).boxed().toList();
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger maxInFlight = new AtomicInteger();
        List<Integer> delivered = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        ParallelExtractor.Result r = new ParallelExtractor<Integer>(3, true).run(items, i -> {
            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                Thread.sleep(i % 7 == 0 ? 5 : 0); // some slow items, so completion order differs from input order
                if (i % 50 == 13) throw new AudioDecodeException(java.nio.file.Path.of("f" + i), AudioDecodeException.Reason.TRUNCATED, "cut");
                return new float[] {i};
            } finally {
                inFlight.decrementAndGet();
            }
        }, new ParallelExtractor.Sink<>() {
            @Override
            public void accept(Integer item, float[] values) {
                assertEquals(item.floatValue(), values[0]);
                delivered.add(item);
            }

            @Override
            public void failed(Integer item, String reason, String detail) {
                delivered.add(item);
                failures.add(item + ":" + reason);
            }
        }, null);
        assertEquals(items, delivered, "input order");
        assertEquals(List.of("13:TRUNCATED", "63:TRUNCATED", "113:TRUNCATED", "163:TRUNCATED"), failures);
        assertEquals(196, r.ok());
        assertEquals(4, r.failed());
        assertTrue(maxInFlight.get() <= 3, "at most one item per thread computes at once");
    }

    @Test
    void aSinkErrorStopsTheRun() {
        List<Integer> items = IntStream.range(0, 1000).boxed().toList();
        java.io.IOException e = assertThrows(java.io.IOException.class, () -> new ParallelExtractor<Integer>(2, false).run(items,
                i -> new float[] {i}, new ParallelExtractor.Sink<>() {
                    @Override
                    public void accept(Integer item, float[] values) throws java.io.IOException {
                        if (item == 10) throw new java.io.IOException("disk full");
                    }

                    @Override
                    public void failed(Integer item, String reason, String detail) {
                    }
                }, null));
        assertEquals("disk full", e.getMessage());
    }

    @Test
    void anOutOfMemoryErrorIsOneItemsReportedFailureInBothModes() {
        for (boolean ordered : new boolean[] {true, false}) {
            List<Integer> items = IntStream.range(0, 40).boxed().toList();
            List<String> failures = new ArrayList<>();
            List<Integer> delivered = new ArrayList<>();
            // Before the fix the error killed the worker: in order the rest was never delivered
            // ("40 files, 0 ok, 0 failed"), and the lost permit could block the run.
            ParallelExtractor.Result r = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(30),
                    () -> new ParallelExtractor<Integer>(2, ordered).run(items, i -> {
                        if (i % 10 == 3) throw new OutOfMemoryError("Java heap space");
                        if (i == 5) throw new StackOverflowError();
                        return new float[] {i};
                    }, new ParallelExtractor.Sink<>() {
                        @Override
                        public void accept(Integer item, float[] values) {
                            delivered.add(item);
                        }

                        @Override
                        public void failed(Integer item, String reason, String detail) {
                            delivered.add(item);
                            failures.add(item + ":" + reason + ":" + detail.contains("memory"));
                        }
                    }, null));
            assertEquals(35, r.ok(), "ordered=" + ordered);
            assertEquals(5, r.failed(), "ordered=" + ordered);
            assertEquals(items.size(), r.ok() + r.failed());
            if (ordered) assertEquals(items, delivered);
            assertEquals(List.of("3:OUT_OF_MEMORY:true", "5:STACK_OVERFLOW:false", "13:OUT_OF_MEMORY:true", "23:OUT_OF_MEMORY:true",
                    "33:OUT_OF_MEMORY:true"), failures.stream().sorted(java.util.Comparator.comparingInt(f -> Integer.parseInt(f.split(":")[0]))).toList());
        }
    }
}
