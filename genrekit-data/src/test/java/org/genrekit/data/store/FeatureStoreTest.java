package org.genrekit.data.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import org.genrekit.data.VectorDataset;
import org.genrekit.data.split.Segment;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeatureStoreTest {
    @BeforeAll
    static void quiet() {
        System.setProperty("genrekit.progress", "never");
    }

    @Test
    void secondRunReusesChangedFileRecomputesNewRecipeRecomputes(@TempDir Path tmp) throws Exception {
        Path in = tmp.resolve("in");
        List<Path> files = FakeVectors.makeFiles(in, 12);
        Files.write(in.resolve("zero.wav"), new byte[0]);
        Path root = tmp.resolve("store");
        List<Segment> segs = FakeVectors.wholeTracks(in);
        try (FeatureStore fs = FeatureStore.open(root, FakeVectors.RECIPE, FakeVectors.COLUMNS, 5, 60)) {
            StoreExtraction.Summary s = StoreExtraction.run(segs, fs, FakeVectors.compute(0), 2, "t");
            assertEquals(13, s.total());
            assertEquals(12, s.extracted());
            assertEquals(1, s.failures().size(), "the zero-byte file fails, the rest are stored");
            assertEquals("IOException", s.failures().get(0).reason());
            assertEquals(3, fs.parts(), "12 rows in batches of 5");
        }
        // second run: nothing to do
        try (FeatureStore fs = FeatureStore.open(root, FakeVectors.RECIPE, FakeVectors.COLUMNS, 5, 60)) {
            StoreExtraction.Summary s = StoreExtraction.run(segs, fs, FakeVectors.compute(0), 2, "t");
            assertEquals(12, s.reused());
            assertEquals(0, s.extracted());
        }
        // change one file (content and mtime), add one: exactly two extractions
        Files.writeString(files.get(3), "changed content");
        Files.setLastModifiedTime(files.get(3), FileTime.fromMillis(System.currentTimeMillis() + 5000));
        FakeVectors.makeFiles(tmp.resolve("extra"), 1);
        Files.move(tmp.resolve("extra/t0000.wav"), in.resolve("new.wav"));
        segs = FakeVectors.wholeTracks(in);
        try (FeatureStore fs = FeatureStore.open(root, FakeVectors.RECIPE, FakeVectors.COLUMNS, 5, 60)) {
            StoreExtraction.Summary s = StoreExtraction.run(segs, fs, FakeVectors.compute(0), 2, "t");
            assertEquals(2, s.extracted());
            assertEquals(11, s.reused());
            VectorDataset ds = StoreExtraction.read(segs, fs, null);
            assertEquals(13, ds.size());
            int row = ds.ids().indexOf("t0003");
            assertArrayEquals(FakeVectors.of(files.get(3), 0), ds.x()[row], "the changed file's new vector is read back");
        }
        // another parameter: its own folder, everything recomputed
        try (FeatureStore fs = FeatureStore.open(root, FakeVectors.RECIPE.with("delay", "1"), FakeVectors.COLUMNS, 5, 60)) {
            StoreExtraction.Summary s = StoreExtraction.run(segs, fs, FakeVectors.compute(0), 2, "t");
            assertEquals(13, s.extracted());
        }
        try (var dirs = Files.list(root)) {
            assertEquals(2, dirs.count());
        }
    }

    @Test
    void segmentsAreSeparateEntries(@TempDir Path tmp) throws Exception {
        Path in = tmp.resolve("in");
        FakeVectors.makeFiles(in, 3);
        List<Segment> segs = FakeVectors.wholeTracks(in).stream()
                .flatMap(s -> java.util.stream.IntStream.range(0, 4).mapToObj(i -> new Segment(s.track(), null, i, i * 7.5, 7.5))).toList();
        try (FeatureStore fs = FeatureStore.open(tmp.resolve("s"), FakeVectors.RECIPE, FakeVectors.COLUMNS)) {
            assertEquals(12, StoreExtraction.run(segs, fs, FakeVectors.compute(0), 2, "t").extracted());
            VectorDataset ds = StoreExtraction.read(segs, fs, null);
            assertEquals(12, ds.size());
            assertEquals(7.5f, ds.x()[1][3]);
            assertEquals(List.of("t0000", "t0000", "t0000", "t0000"), ds.ids().subList(0, 4));
        }
    }

    @Test
    void secondWriterIsRefusedAndTornTempFilesAreRemoved(@TempDir Path tmp) throws Exception {
        Path root = tmp.resolve("s");
        try (FeatureStore fs = FeatureStore.open(root, FakeVectors.RECIPE, FakeVectors.COLUMNS)) {
            IOException e = assertThrows(IOException.class, () -> FeatureStore.open(root, FakeVectors.RECIPE, FakeVectors.COLUMNS));
            assertTrue(e.getMessage().contains("in use"), e.getMessage());
            Files.writeString(fs.dir().resolve(".tmp-part-000009-deadbeef.parquet"), "PAR1 torn");
        }
        try (FeatureStore fs = FeatureStore.open(root, FakeVectors.RECIPE, FakeVectors.COLUMNS)) {
            assertTrue(Files.notExists(fs.dir().resolve(".tmp-part-000009-deadbeef.parquet")));
            assertEquals(0, fs.size());
        }
    }

    @Test
    void compactKeepsEveryRowOnce(@TempDir Path tmp) throws Exception {
        Path in = tmp.resolve("in");
        FakeVectors.makeFiles(in, 10);
        List<Segment> segs = FakeVectors.wholeTracks(in);
        try (FeatureStore fs = FeatureStore.open(tmp.resolve("s"), FakeVectors.RECIPE, FakeVectors.COLUMNS, 3, 60)) {
            StoreExtraction.run(segs, fs, FakeVectors.compute(0), 1, "t");
            assertEquals(4, fs.parts());
            Map<String, StoredRow> before = fs.readAll();
            fs.compact();
            assertEquals(1, fs.parts());
            Map<String, StoredRow> after = fs.readAll();
            assertEquals(before.keySet(), after.keySet());
            for (String k : before.keySet()) assertArrayEquals(before.get(k).values(), after.get(k).values());
        }
    }

    @Test
    void smallPartsAreMergedAtCloseAndAnInterruptedMergeIsFinished(@TempDir Path tmp) throws Exception {
        Path in = tmp.resolve("in");
        FakeVectors.makeFiles(in, 40);
        List<Segment> segs = FakeVectors.wholeTracks(in);
        Path root = tmp.resolve("s");
        Path dir;
        try (FeatureStore fs = FeatureStore.open(root, FakeVectors.RECIPE, FakeVectors.COLUMNS, 2, 60)) {
            StoreExtraction.run(segs, fs, FakeVectors.compute(0), 2, "t");
            assertEquals(20, fs.parts());
            dir = fs.dir();
        }
        Path merged;
        try (var s = Files.list(dir)) {
            List<Path> parts = s.filter(p -> p.getFileName().toString().startsWith("part-")).toList();
            assertEquals(1, parts.size(), "20 small parts merged into one at close");
            merged = parts.get(0);
        }
        // simulate a merge killed after its result was renamed in but before its inputs were deleted
        Files.copy(merged, dir.resolve("part-000000-00000000.parquet"));
        try (FeatureStore fs = FeatureStore.open(root, FakeVectors.RECIPE, FakeVectors.COLUMNS, 2, 60)) {
            assertEquals(1, fs.parts(), "duplicate keys found at open are merged away");
            assertEquals(40, fs.readAll().size());
            assertEquals(0, StoreExtraction.run(segs, fs, FakeVectors.compute(0), 2, "t").extracted());
        }
    }
}
