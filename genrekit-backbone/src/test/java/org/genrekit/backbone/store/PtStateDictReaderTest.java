package org.genrekit.backbone.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.genrekit.backbone.store.TestArchives.Entry;
import org.genrekit.backbone.weights.NpzReader;
import org.genrekit.backbone.weights.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PtStateDictReaderTest {
    @Test
    void publishedPtEqualsTheNpzExactly() throws IOException {
        Map<String, Tensor> pt = PtStateDictReader.read(TestArchives.sharedPt());
        Map<String, Tensor> npz = NpzReader.read(TestArchives.sharedNpz());
        assertEquals(266, pt.size(), "num_batches_tracked scalars are skipped");
        assertEquals(List.copyOf(npz.keySet()), List.copyOf(pt.keySet()), "same names, in state-dict order");
        for (Tensor t : npz.values()) {
            Tensor p = pt.get(t.name());
            assertArrayEquals(t.shape(), p.shape(), t.name());
            assertArrayEquals(t.data(), p.data(), t.name()); // exact, bit for bit
        }
        assertTrue(pt.keySet().stream().noneMatch(n -> n.endsWith("num_batches_tracked")));
    }

    @Test
    void publishedPtFitsTheMn04Layout() throws IOException {
        assertEquals(null, TensorLayout.of(BackboneSpec.MN04).mismatch(PtStateDictReader.read(TestArchives.sharedPt()), "pt"));
    }

    @Test
    void stridesAndOffsetsComeOutInCOrder(@TempDir Path dir) throws IOException {
        // storage 0..11 viewed as a 4x3 matrix, transposed: shape [3, 4], stride [1, 3]
        float[] s = new float[12];
        for (int i = 0; i < s.length; i++) s[i] = i;
        List<Entry> entries = List.of(
                new Entry("t", "FloatStorage", "0", s, 0, new int[] {3, 4}, new int[] {1, 3}),
                new Entry("slice", "FloatStorage", "0", s, 5, new int[] {2, 2}, new int[] {3, 1}), // rows 1..2, cols 2..3 of the 4x3
                new Entry("scalar", "FloatStorage", "0", s, 7, new int[] {}, new int[] {}),
                new Entry("bcast", "FloatStorage", "0", s, 2, new int[] {2, 3}, new int[] {0, 1}),
                new Entry("empty", "FloatStorage", "0", s, 0, new int[] {0, 5}, new int[] {5, 1}),
                new Entry("steps", "LongStorage", "1", new float[2], 0, new int[] {}, new int[] {}));
        Path f = TestArchives.pt(dir.resolve("views.pt"), "my_model", entries, true, ByteOrder.LITTLE_ENDIAN);
        Map<String, Tensor> m = PtStateDictReader.read(f);
        assertEquals(List.of("t", "slice", "scalar", "bcast", "empty"), List.copyOf(m.keySet()), "the long scalar is skipped, order kept");
        assertArrayEquals(new float[] {0, 3, 6, 9, 1, 4, 7, 10, 2, 5, 8, 11}, m.get("t").data());
        assertArrayEquals(new int[] {3, 4}, m.get("t").shape());
        assertArrayEquals(new float[] {5, 6, 8, 9}, m.get("slice").data());
        assertArrayEquals(new float[] {7}, m.get("scalar").data());
        assertArrayEquals(new int[0], m.get("scalar").shape());
        assertArrayEquals(new float[] {2, 3, 4, 2, 3, 4}, m.get("bcast").data());
        assertEquals(0, m.get("empty").data().length);
    }

    @Test
    void bigEndianStoragesAndAnyTopFolder(@TempDir Path dir) throws IOException {
        Map<String, Tensor> t = TestArchives.random(Map.of("w", new int[] {2, 5}), 3);
        Path f = TestArchives.pt(dir.resolve("be.pt"), "whatever-name", List.of(Entry.contiguous(t.get("w"), "storage_a")), false, ByteOrder.BIG_ENDIAN);
        assertArrayEquals(t.get("w").data(), PtStateDictReader.read(f).get("w").data());
    }

    @Test
    void nonFloatTensorsAreRefusedNamingTheFile(@TempDir Path dir) throws IOException {
        Path f = TestArchives.pt(dir.resolve("half.pt"), "archive",
                List.of(new Entry("w", "HalfStorage", "0", new float[4], 0, new int[] {4}, new int[] {1})), false, ByteOrder.LITTLE_ENDIAN);
        IOException e = assertThrows(IOException.class, () -> PtStateDictReader.read(f));
        assertEquals(f + ": tensor w is stored as torch.HalfStorage; only float32 (torch.FloatStorage) weights are supported", e.getMessage());
    }

    @Test
    void viewsPastTheStorageAreRefused(@TempDir Path dir) throws IOException {
        Path f = TestArchives.pt(dir.resolve("bad.pt"), "archive",
                List.of(new Entry("w", "FloatStorage", "0", new float[4], 2, new int[] {3}, new int[] {1})), false, ByteOrder.LITTLE_ENDIAN);
        IOException e = assertThrows(IOException.class, () -> PtStateDictReader.read(f));
        assertTrue(e.getMessage().startsWith(f + ": tensor w [3] (offset 2, stride [1]) reaches past its storage of 4 floats"), e.getMessage());
    }

    @Test
    void damagedFilesGiveOneLine(@TempDir Path dir) throws IOException {
        Path text = Files.writeString(dir.resolve("notes.pt"), "hello");
        Path noPkl = TestArchives.npz(dir.resolve("x.pt"), TestArchives.random(Map.of("a", new int[] {2}), 1));
        Path cut = dir.resolve("cut.pt");
        TestArchives.copyPrefix(TestArchives.pt(dir.resolve("whole.pt"), TestArchives.random(Map.of("a", new int[] {5000}), 2)), cut, 9000);
        for (Path f : List.of(text, noPkl, cut)) {
            IOException e = assertThrows(IOException.class, () -> PtStateDictReader.read(f));
            assertTrue(e.getMessage().startsWith(f.toString()), e.getMessage());
            assertFalse(e.getMessage().contains("\n"), e.getMessage());
        }
        assertTrue(assertThrows(IOException.class, () -> PtStateDictReader.read(cut)).getMessage().contains("truncated"));
    }
}
