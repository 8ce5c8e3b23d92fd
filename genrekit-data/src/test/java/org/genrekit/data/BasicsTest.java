package org.genrekit.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BasicsTest {
    @Test
    void trackIds() {
        assertEquals("blues.00029", TrackIds.of("blues/blues.00029.wav"));
        assertEquals("blues.00029", TrackIds.of("blues.00029"));
        assertEquals("000002", TrackIds.of("/data/fma_small/000/000002.mp3"));
        assertEquals("a", TrackIds.of("C:\\music\\a.flac"));
        assertEquals("track", TrackIds.of("  dir/track.MP3 "));
    }

    @Test
    void splitListsOfSharedGtzan() throws Exception {
        List<String> train = SplitLists.read(Shared.data("gtzan-splits/fault_filtered_train.txt"));
        List<String> valid = SplitLists.read(Shared.data("gtzan-splits/fault_filtered_valid.txt"));
        assertEquals(443, train.size());
        assertEquals(197, valid.size());
        assertEquals("blues.00029", train.get(0));
        assertTrue(train.stream().noneMatch(valid::contains), "train and valid lists overlap");
    }

    @Test
    void splitListsSkipCommentsAndDuplicates(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("l.txt");
        Files.writeString(f, "# header\nrock/rock.00001.wav\n\nrock.00001\njazz/jazz.00002.au\n");
        assertEquals(List.of("rock.00001", "jazz.00002"), SplitLists.read(f));
        assertThrows(java.io.IOException.class, () -> SplitLists.read(dir.resolve("missing.txt")));
    }

    @Test
    void vectorDatasetSubsetsAndLabels() {
        float[][] x = {{1, 2}, {3, 4}, {5, 6}};
        VectorDataset ds = new VectorDataset(List.of("a", "b", "a"), Arrays.asList("rock", null, "rock"), List.of("f1", "f2"), x,
                List.of("art1", "art2", "art1"));
        assertEquals(List.of("rock"), ds.labelSet());
        assertEquals(2, ds.dimension());
        VectorDataset s = ds.subsetByIds(List.of("a"));
        assertEquals(2, s.size());
        assertEquals(5f, s.x()[1][0]);
        assertEquals(List.of("art1", "art1"), s.groups());
        assertEquals(2, ds.labelled().size());
        assertNull(ds.labels().get(1));
        assertEquals(-1, ds.labelIndices()[1]);
        assertThrows(IllegalArgumentException.class,
                () -> new VectorDataset(List.of("a"), List.of("x"), List.of("f1", "f2"), new float[][] {{1}}));
    }
}
