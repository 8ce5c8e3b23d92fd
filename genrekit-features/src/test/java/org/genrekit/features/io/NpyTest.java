package org.genrekit.features.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.genrekit.features.Golden;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpyTest {
    @TempDir
    Path tmp;

    @Test
    void roundTripsFloat32MatrixAndFloat64Vector() throws IOException {
        float[][] m = {{1f, 2.5f, -3f}, {4f, Float.NaN, 6e-20f}};
        Path f = tmp.resolve("m.npy");
        Npy.write(f, m);
        NpyArray back = Npy.read(f);
        assertArrayEquals(new int[] {2, 3}, back.shape());
        assertEquals("<f4", back.dtype());
        assertArrayEquals(m[0], back.toFloatMatrix()[0]);
        assertEquals(6e-20f, back.toFloatMatrix()[1][2]);
        assertEquals(0, (Files.size(f) - 2 * 3 * 4) % 64, "data starts on a 64-byte boundary");

        Path g = tmp.resolve("v.npy");
        Npy.write(g, NpyArray.ofDoubles(new double[] {Math.PI}));
        NpyArray v = Npy.read(g);
        assertEquals("<f8", v.dtype());
        assertArrayEquals(new int[] {1}, v.shape());
        assertEquals(Math.PI, v.data()[0]);
        try (var s = Files.list(tmp)) {
            assertEquals(2, s.count(), "no temporary files left behind");
        }
    }

    @Test
    void writesRank3AndScalar() throws IOException {
        Path f = tmp.resolve("r3.npy");
        double[] d = new double[24];
        for (int i = 0; i < d.length; i++) d[i] = i;
        Npy.writeFloat32(f, new int[] {2, 3, 4}, d);
        NpyArray a = Npy.read(f);
        assertArrayEquals(new int[] {2, 3, 4}, a.shape());
        assertArrayEquals(d, a.data());
        Npy.writeFloat64(tmp.resolve("s.npy"), new int[0], new double[] {7});
        assertEquals(0, Npy.read(tmp.resolve("s.npy")).rank());
    }

    @Test
    void readsFortranOrder() {
        // 2x3 matrix [[1,2,3],[4,5,6]] stored column-major.
        String dict = "{'descr': '<f8', 'fortran_order': True, 'shape': (2, 3), }";
        String header = dict + " ".repeat(64 - (10 + dict.length() + 1) % 64) + "\n";
        var bb = java.nio.ByteBuffer.allocate(10 + header.length() + 48).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        bb.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0}).putShort((short) header.length()).put(header.getBytes());
        for (double v : new double[] {1, 4, 2, 5, 3, 6}) bb.putDouble(v);
        NpyArray a = Npy.parse(bb.array());
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, a.data());
    }

    @Test
    void rejectsNonNpyNamingTheFile() throws IOException {
        Path f = tmp.resolve("bad.npy");
        Files.writeString(f, "hello");
        IOException e = assertThrows(IOException.class, () -> Npy.read(f));
        assertEquals(true, e.getMessage().contains("bad.npy"));
    }

    @Test
    void readsGoldenFiles() {
        NpyArray mel = Golden.npy("g_music", "mel");
        assertArrayEquals(new int[] {128, 1292}, mel.shape());
        NpyArray beats = Golden.npy("g_music", "beats");
        assertEquals("<i8", beats.dtype());
        assertEquals(83, beats.dim(0));
    }
}
