package org.genrekit.data.store;

import org.genrekit.core.io.FileKey;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.genrekit.data.split.Segment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SIGKILL a child process that is filling the store, at several moments; the next run completes it without duplicates. */
class FeatureStoreKillTest {
    private static final int FILES = 90;

    @Test
    void killedRunsLeaveAStoreTheNextRunCompletes(@TempDir Path tmp) throws Exception {
        System.setProperty("genrekit.progress", "never");
        Path in = tmp.resolve("in");
        List<Path> files = FakeVectors.makeFiles(in, FILES);
        Path root = tmp.resolve("store");
        Path recipeDir = FeatureStore.recipeDir(root, FakeVectors.RECIPE);
        int[] killAfterParts = {0, 3, 9};
        int lastCount = -1;
        boolean sawProgressAcrossKills = false;
        for (int round = 0; round < killAfterParts.length; round++) {
            Process p = child(root, in);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            // kill the child once the store has grown by the wanted number of parts (0: as soon as it runs)
            int startParts = parts(recipeDir);
            while (p.isAlive() && parts(recipeDir) < startParts + killAfterParts[round] && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            if (killAfterParts[round] == 0) Thread.sleep(400); // inside JVM start-up or the first batch
            boolean wasAlive = p.isAlive();
            p.destroyForcibly();
            assertTrue(p.waitFor(20, TimeUnit.SECONDS));
            assertTrue(wasAlive || round == 0, "round " + round + ": child finished before it could be killed; slow it down");
            int count = parts(recipeDir);
            if (count > lastCount && lastCount >= 0) sawProgressAcrossKills = true;
            lastCount = count;
        }
        assertTrue(sawProgressAcrossKills, "the killed runs committed nothing; the test did not exercise recovery");
        // a normal run completes the store
        List<Segment> segs = FakeVectors.wholeTracks(in);
        try (FeatureStore fs = FeatureStore.open(root, FakeVectors.RECIPE, FakeVectors.COLUMNS, 3, 60)) {
            int before = fs.size();
            assertTrue(before > 0 && before < FILES, "killed runs stored " + before + " of " + FILES);
            StoreExtraction.Summary s = StoreExtraction.run(segs, fs, FakeVectors.compute(0), 2, "t");
            assertEquals(before, s.reused());
            assertEquals(FILES - before, s.extracted());
            assertEquals(0, s.failures().size());
            Map<String, StoredRow> all = fs.readAll();
            assertEquals(FILES, all.size());
            for (Path f : files) {
                String key = FileKey.of(f).digest("");
                assertArrayEquals(FakeVectors.of(f, 0), all.get(key).values(), f.toString());
            }
        }
        // no key in two part files, no temp files left
        Set<String> seen = new HashSet<>();
        int rows = 0;
        try (var s = Files.list(recipeDir)) {
            for (Path p : s.toList()) {
                String n = p.getFileName().toString();
                assertTrue(!n.startsWith(".tmp-"), "temp file left: " + n);
                if (n.endsWith(".parquet")) {
                    for (String k : ParquetParts.read(p, false).keys()) {
                        rows++;
                        assertTrue(seen.add(k), "duplicate key " + k);
                    }
                }
            }
        }
        assertEquals(FILES, rows);
    }

    private static int parts(Path dir) throws Exception {
        if (!Files.isDirectory(dir)) return 0;
        try (var s = Files.list(dir)) {
            return (int) s.filter(p -> p.getFileName().toString().startsWith("part-")).count();
        }
    }

    private static Process child(Path root, Path in) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                StoreKillChild.class.getName(), root.toString(), in.toString(), "40"));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }
}
