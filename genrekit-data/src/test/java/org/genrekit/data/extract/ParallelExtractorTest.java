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
}
