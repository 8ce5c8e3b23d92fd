package org.genrekit.models.bundle;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Hostile model files, built in the test: a SerialDOS stream, a huge-array stream, a zip bomb. */
public final class HostileBundles {
    private HostileBundles() {
    }

    /** 100 levels of HashSets, each holding the next level's two sets: 2^100 hashCode calls to read back (~5 KB). */
    public static byte[] serialDos() throws IOException {
        Set<Object> root = new HashSet<>();
        Set<Object> s1 = root;
        Set<Object> s2 = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            Set<Object> t1 = new HashSet<>();
            Set<Object> t2 = new HashSet<>();
            t1.add("foo"); // t1 != t2
            s1.add(t1);
            s1.add(t2);
            s2.add(t1);
            s2.add(t2);
            s1 = t1;
            s2 = t2;
        }
        return serialize(root);
    }

    /** A stream of a few dozen bytes that declares {@code long[0x7ffffff0]} (16 GB). */
    public static byte[] hugeArray() throws IOException {
        byte[] b = serialize(new long[0]);
        ByteBuffer.wrap(b, b.length - 4, 4).putInt(0x7ffffff0); // the array length is the stream's last int
        return b;
    }

    public static byte[] serialize(Object o) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(b)) {
            out.writeObject(o);
        }
        return b.toByteArray();
    }

    /** A valid classical bundle (manifest, checksums) whose pipeline.ser is {@code ser}. */
    public static void classical(Path file, byte[] ser) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", "hostile");
        m.put("labels", List.of("a", "b"));
        m.put("recipe", "gtzan58");
        m.put("columns", List.of("x"));
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("pipeline.ser", ser);
        BundleWriter.write(file, "classical", m, entries);
    }

    /** A zip whose one entry inflates to {@code zeros} zero bytes (deflates about 1000:1). */
    public static byte[] zipOfZeros(String entry, long zeros) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(b)) {
            zip.putNextEntry(new ZipEntry(entry));
            byte[] chunk = new byte[1 << 20];
            for (long done = 0; done < zeros; done += chunk.length) zip.write(chunk, 0, (int) Math.min(chunk.length, zeros - done));
            zip.closeEntry();
        }
        return b.toByteArray();
    }
}
