package org.genrekit.backbone.store;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.genrekit.backbone.weights.Tensor;

/** Weights archives built in tests (never the real weights), and the shared reference files. */
final class TestArchives {
    private TestArchives() {
    }

    static Path sharedDir() {
        String p = System.getProperty("genrekit.shared");
        Path dir = p == null ? null : Path.of(p, "pretrained", "efficientat-mn04-as");
        assumeTrue(dir != null && Files.isRegularFile(dir.resolve("mn04_as_mAP_432.pt")) && Files.isRegularFile(dir.resolve("state_dict.npz")),
                "shared mn04 weights not found (system property genrekit.shared=" + p + "); skipping");
        return dir;
    }

    static Path sharedPt() {
        return sharedDir().resolve("mn04_as_mAP_432.pt");
    }

    static Path sharedNpz() {
        return sharedDir().resolve("state_dict.npz");
    }

    /** Random tensors of the given shapes ({@code name -> shape}). */
    static Map<String, Tensor> random(Map<String, int[]> shapes, long seed) {
        Random r = new Random(seed);
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (var e : shapes.entrySet()) {
            int n = Arrays.stream(e.getValue()).reduce(1, (a, b) -> a * b);
            float[] d = new float[n];
            for (int i = 0; i < n; i++) d[i] = (float) r.nextGaussian();
            out.put(e.getKey(), new Tensor(e.getKey(), e.getValue(), d));
        }
        return out;
    }

    /** A numpy {@code .npz} (stored, float32 little-endian). */
    static Path npz(Path file, Map<String, Tensor> tensors) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            for (Tensor t : tensors.values()) {
                zip.putNextEntry(new ZipEntry(t.name() + ".npy"));
                zip.write(npy(t));
                zip.closeEntry();
            }
        }
        return file;
    }

    static byte[] npy(Tensor t) {
        int[] s = t.shape();
        String shape = s.length == 1 ? "(" + s[0] + ",)" : Arrays.toString(s).replace('[', '(').replace(']', ')');
        StringBuilder h = new StringBuilder("{'descr': '<f4', 'fortran_order': False, 'shape': " + shape + ", }");
        while ((10 + h.length() + 1) % 64 != 0) h.append(' ');
        h.append('\n');
        ByteBuffer b = ByteBuffer.allocate(10 + h.length() + 4 * t.data().length).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) 1).put((byte) 0).putShort((short) h.length());
        b.put(h.toString().getBytes(StandardCharsets.US_ASCII));
        b.asFloatBuffer().put(t.data());
        return b.array();
    }

    /**
     * One tensor entry of a hand-made torch state dict: a view ({@code offset}, {@code size},
     * {@code stride}) on storage {@code key} of {@code type} holding {@code storage}.
     */
    record Entry(String name, String type, String key, float[] storage, long offset, int[] size, int[] stride) {
        static Entry contiguous(Tensor t, String key) {
            int[] s = t.shape();
            int[] st = new int[s.length];
            int acc = 1;
            for (int d = s.length - 1; d >= 0; d--) {
                st[d] = acc;
                acc *= s[d];
            }
            return new Entry(t.name(), "FloatStorage", key, t.data(), 0, s, st);
        }
    }

    /** A torch.save-style zip of float tensors stored contiguously, one storage each. */
    static Path pt(Path file, Map<String, Tensor> tensors) throws IOException {
        List<Entry> entries = new ArrayList<>();
        int k = 0;
        for (Tensor t : tensors.values()) entries.add(Entry.contiguous(t, String.valueOf(k++)));
        return pt(file, "archive", entries, false, ByteOrder.LITTLE_ENDIAN);
    }

    /**
     * Writes what {@code torch.save(state_dict)} writes: {@code TOP/data.pkl} (pickle protocol 2),
     * {@code TOP/data/KEY} storages, {@code TOP/version}, and {@code TOP/byteorder} when big-endian.
     */
    static Path pt(Path file, String top, List<Entry> entries, boolean orderedDict, ByteOrder order) throws IOException {
        Map<String, float[]> storages = new LinkedHashMap<>();
        for (Entry e : entries) storages.putIfAbsent(e.key(), e.storage());
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            stored(zip, top + "/data.pkl", pickle(entries, orderedDict));
            if (order == ByteOrder.BIG_ENDIAN) stored(zip, top + "/byteorder", "big".getBytes(StandardCharsets.US_ASCII));
            for (var s : storages.entrySet()) {
                ByteBuffer b = ByteBuffer.allocate(4 * s.getValue().length).order(order);
                b.asFloatBuffer().put(s.getValue());
                stored(zip, top + "/data/" + s.getKey(), b.array());
            }
            stored(zip, top + "/version", "3\n".getBytes(StandardCharsets.US_ASCII));
        }
        return file;
    }

    private static void stored(ZipOutputStream zip, String name, byte[] data) throws IOException {
        ZipEntry e = new ZipEntry(name);
        e.setMethod(ZipEntry.STORED);
        e.setSize(data.length);
        CRC32 crc = new CRC32();
        crc.update(data);
        e.setCrc(crc.getValue());
        zip.putNextEntry(e);
        zip.write(data);
        zip.closeEntry();
    }

    /** The pickle torch writes for a state dict, opcode by opcode (no memo, which is optional). */
    static byte[] pickle(List<Entry> entries, boolean orderedDict) {
        Pickle p = new Pickle();
        p.op(0x80).op(2);
        if (orderedDict) p.global("collections", "OrderedDict").op(')').op('R');
        else p.op('}');
        p.op('(');
        for (Entry e : entries) {
            p.str(e.name());
            p.global("torch._utils", "_rebuild_tensor_v2");
            p.op('(');
            p.op('(').str("storage").global("torch", e.type()).str(e.key()).str("cpu").integer(e.storage().length).op('t').op('Q');
            p.integer(e.offset());
            p.op('(');
            for (int d : e.size()) p.integer(d);
            p.op('t');
            p.op('(');
            for (int d : e.stride()) p.integer(d);
            p.op('t');
            p.op(0x89); // False: requires_grad
            p.global("collections", "OrderedDict").op(')').op('R'); // backward hooks
            p.op('t').op('R');
        }
        p.op('u');
        if (orderedDict) { // state dicts carry _metadata as an instance attribute: BUILD with {'_metadata': OrderedDict()}
            p.op('}').str("_metadata").global("collections", "OrderedDict").op(')').op('R').op('s').op('b');
        }
        p.op('.');
        return p.out.toByteArray();
    }

    private static final class Pickle {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Pickle op(int b) {
            out.write(b);
            return this;
        }

        Pickle str(String s) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            op('X');
            write(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(b.length).array());
            write(b);
            return this;
        }

        Pickle integer(long v) {
            op('J');
            write(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(Math.toIntExact(v)).array());
            return this;
        }

        Pickle global(String module, String name) {
            op('c');
            write((module + "\n" + name + "\n").getBytes(StandardCharsets.US_ASCII));
            return this;
        }

        private void write(byte[] b) {
            out.write(b, 0, b.length);
        }
    }

    static void copyPrefix(Path from, Path to, int bytes) throws IOException {
        byte[] all = Files.readAllBytes(from);
        try (OutputStream os = Files.newOutputStream(to)) {
            os.write(all, 0, Math.min(bytes, all.length));
        }
    }
}
