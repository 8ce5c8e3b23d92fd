package org.genrekit.models.bundle;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.genrekit.core.hash.Sha256;
import org.genrekit.core.io.AtomicFiles;

/**
 * Writes a bundle: {@code manifest.json} (format, version, kind, the caller's fields, and the
 * SHA-256 of every other entry) plus the entries, into one zip written to a temporary name and
 * renamed into place. Other bundle kinds (deep models) use it too.
 */
public final class BundleWriter {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private BundleWriter() {
    }

    /**
     * @param kind     the codec kind that reads it back ("classical", "ensemble", "deep")
     * @param manifest JSON-friendly fields: at least name and labels; recipe, metrics, provenance, ...
     * @param entries  payload entries by name (not "manifest.json")
     */
    public static void write(Path file, String kind, Map<String, Object> manifest, Map<String, byte[]> entries) throws IOException {
        AtomicFiles.write(file, toBytes(kind, manifest, entries));
    }

    public static byte[] toBytes(String kind, Map<String, Object> manifest, Map<String, byte[]> entries) throws IOException {
        if (entries.containsKey(BundleFormat.MANIFEST)) throw new IllegalArgumentException("entry name " + BundleFormat.MANIFEST + " is reserved");
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", BundleFormat.MAGIC);
        m.put("format_version", BundleFormat.VERSION);
        m.put("kind", kind);
        m.putAll(manifest);
        Map<String, String> sums = new TreeMap<>();
        for (Map.Entry<String, byte[]> e : entries.entrySet()) sums.put(e.getKey(), Sha256.hexOf(e.getValue()));
        m.put("entries", sums);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            put(zip, BundleFormat.MANIFEST, JSON.writeValueAsBytes(m));
            for (Map.Entry<String, byte[]> e : new TreeMap<>(entries).entrySet()) put(zip, e.getKey(), e.getValue());
        }
        return bytes.toByteArray();
    }

    private static void put(ZipOutputStream zip, String name, byte[] data) throws IOException {
        ZipEntry e = new ZipEntry(name);
        e.setTime(0); // reproducible bytes for the same content
        zip.putNextEntry(e);
        zip.write(data);
        zip.closeEntry();
    }
}
