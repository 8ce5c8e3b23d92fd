package org.genrekit.deep.bundle;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.genrekit.deep.DeepClassifier;
import org.genrekit.deep.DeepModel;
import org.genrekit.models.bundle.BundleException;

/**
 * Writes and reads deep model bundles: a zip with {@code manifest.json} (format version, kind
 * "deep", name, labels, feature recipe, metrics, provenance, SHA-256 of every other entry),
 * {@code deep/model.json} (architecture, input geometry, normalisation) and
 * {@code deep/model.params} (DJL parameters). {@link #read} does what the generic bundle loader
 * does before it hands a "deep" bundle to {@link DeepBundleCodec}.
 */
public final class DeepBundle {
    public static final int FORMAT_VERSION = 1;
    public static final String KIND = "deep";
    public static final String MODEL_JSON = "deep/model.json";
    public static final String MODEL_PARAMS = "deep/model.params";
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private DeepBundle() {
    }

    /** Writes {@code model} to {@code out} (temp file, then atomic rename). */
    public static void write(Path out, DeepModel model, String name, Map<String, Object> metrics, Map<String, Object> provenance)
            throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put(MODEL_JSON, JSON.writeValueAsBytes(ModelDescription.of(model)));
        entries.put(MODEL_PARAMS, model.writeParameters());
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("formatVersion", FORMAT_VERSION);
        manifest.put("kind", KIND);
        manifest.put("name", name);
        manifest.put("version", org.genrekit.deep.Versions.genrekit() + "+" + Instant.now().toString().substring(0, 10));
        manifest.put("labels", model.labels());
        manifest.put("recipe", model.input().recipe().id());
        manifest.put("metrics", metrics);
        Map<String, Object> prov = new LinkedHashMap<>(provenance);
        prov.putIfAbsent("created", Instant.now().toString());
        prov.putIfAbsent("architecture", model.arch().name());
        manifest.put("provenance", prov);
        Map<String, String> sums = new LinkedHashMap<>();
        entries.forEach((k, v) -> sums.put(k, sha256(v)));
        manifest.put("entries", sums);
        Path dir = out.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + out.getFileName() + "-", ".tmp");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(tmp))) {
            zip.putNextEntry(new ZipEntry("manifest.json"));
            zip.write(JSON.writeValueAsBytes(manifest));
            zip.closeEntry();
            for (var e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        try {
            Files.move(tmp, out, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Reads and verifies a deep bundle. */
    public static DeepClassifier read(Path file) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) entries.put(e.getName(), readAll(zip));
        } catch (IOException e) {
            throw new BundleException(file, "not a readable bundle (zip): " + e.getMessage(), e);
        }
        byte[] m = entries.remove("manifest.json");
        if (m == null) throw new BundleException(file, "no manifest.json");
        Map<String, Object> manifest = JSON.readValue(m, new TypeReference<>() { });
        if (!KIND.equals(manifest.get("kind"))) throw new BundleException(file, "kind is '" + manifest.get("kind") + "', not 'deep'");
        if (!(manifest.get("formatVersion") instanceof Integer v) || v != FORMAT_VERSION) {
            throw new BundleException(file, "format version " + manifest.get("formatVersion") + " is not supported (this build reads " + FORMAT_VERSION + ")");
        }
        @SuppressWarnings("unchecked")
        Map<String, String> sums = (Map<String, String>) manifest.getOrDefault("entries", Map.of());
        for (var e : sums.entrySet()) {
            byte[] b = entries.get(e.getKey());
            if (b == null) throw new BundleException(file, "entry " + e.getKey() + " is missing");
            if (!sha256(b).equals(e.getValue())) throw new BundleException(file, "entry " + e.getKey() + " is damaged (checksum mismatch)");
        }
        return (DeepClassifier) new DeepBundleCodec().read(file, manifest, entries);
    }

    static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        in.transferTo(b);
        return b.toByteArray();
    }

    static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Float> boxed(float[] a) {
        List<Float> l = new ArrayList<>(a.length);
        for (float v : a) l.add(v);
        return l;
    }
}
