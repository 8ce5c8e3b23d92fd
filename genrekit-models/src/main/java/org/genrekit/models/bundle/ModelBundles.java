package org.genrekit.models.bundle;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import org.genrekit.backbone.mn.Mn04Backbone;
import org.genrekit.backbone.store.Backbones;
import org.genrekit.core.hash.Sha256;
import org.genrekit.core.provenance.Provenance;
import org.genrekit.core.provenance.Versions;
import org.genrekit.models.GenreClassifier;

/**
 * Reads model bundle files. A bundle is one file holding the feature recipe, the label set, the
 * fitted model, training metrics and provenance; its {@code kind} picks a {@link BundleCodec}
 * found through {@link java.util.ServiceLoader} (classical models here, deep models in genrekit-deep).
 */
public final class ModelBundles {
    /** Class-path resource of the built-in default model. */
    public static final String DEFAULT_RESOURCE = "/org/genrekit/models/default.gkm";
    /** Class-path resource of the default model on the mn04 backbone (trained by bench/train-backbone-default.sh). */
    public static final String BACKBONE_DEFAULT_RESOURCE = "/org/genrekit/models/default-mn04.gkm";
    private static final System.Logger LOG = System.getLogger(ModelBundles.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Zip "end of central directory" signature: every complete zip file ends with this record. */
    private static final byte[] EOCD = {0x50, 0x4b, 0x05, 0x06};
    /** Bundle hash of each loaded model; weak, so that a closed model is not kept alive by it (models compare by identity). */
    private static final Map<GenreClassifier, String> SHA256 = new WeakHashMap<>();

    private ModelBundles() {
    }

    /** Loads a bundle; a damaged or incompatible file gets a {@link BundleException} saying what is wrong. */
    public static GenreClassifier load(Path file) throws IOException {
        return load(file, readFile(file));
    }

    /**
     * The most bytes a bundle may hold, the file and its entries inflated all together
     * ({@code -Dgenrekit.bundle.maxBytes}, default 512 MiB): a model file is untrusted input, and a
     * small zip entry can inflate to gigabytes.
     */
    public static long maxBytes() {
        return Long.getLong("genrekit.bundle.maxBytes", 512L << 20);
    }

    /**
     * The bytes of a model file, which must be a regular file (a FIFO would block forever and
     * /dev/zero never ends) of at most {@link #maxBytes()}; both are checked before reading.
     */
    public static byte[] readFile(Path file) throws IOException {
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw new BundleException(file, "no such model file");
        }
        if (!a.isRegularFile()) {
            throw new BundleException(file, "not a model file: " + (a.isDirectory() ? "a directory" : "a FIFO, socket or device")
                    + "; --model takes a regular .gkm file");
        }
        long max = maxBytes();
        if (a.size() > max) throw new BundleException(file, tooBig("the file has " + a.size() + " bytes", max));
        try (InputStream in = Files.newInputStream(file)) {
            byte[] data = in.readNBytes((int) Math.min(max + 1, Integer.MAX_VALUE - 16));
            if (data.length > max) throw new BundleException(file, tooBig("the file grew past " + max + " bytes while read", max));
            return data;
        }
    }

    private static String tooBig(String what, long max) {
        return "model bundle too large: " + what + ", more than the limit of " + max + " bytes (-Dgenrekit.bundle.maxBytes)";
    }

    /**
     * The built-in default model (10 GTZAN genres): the backbone-based model when the mn04 backbone
     * is installed (see {@link #BACKBONE_DEFAULT_RESOURCE}), else the gtzan58 model that needs
     * nothing but Genrekit.
     */
    public static GenreClassifier loadDefault() throws IOException {
        return withDefault(ModelBundles::load);
    }

    /** What is done with a built-in bundle's bytes ({@code fileName} names it in messages). */
    @FunctionalInterface
    public interface BundleBytesReader<T> {
        T read(Path fileName, byte[] bytes) throws IOException;
    }

    /**
     * The built-in default model's file name and bytes given to {@code reader}: the backbone-based
     * bundle when the backbone is installed and the bundle reads, else the gtzan58 one. Spark ships
     * the bytes; {@link #loadDefault()} loads them.
     */
    public static <T> T withDefault(BundleBytesReader<T> reader) throws IOException {
        if (backboneDefaultAvailable()) {
            try {
                return reader.read(Path.of("builtin-default-mn04.gkm"), resourceBytes(BACKBONE_DEFAULT_RESOURCE));
            } catch (BundleException e) {
                // Weights installed from another copy than the head was trained on: the plain model still answers.
                LOG.log(System.Logger.Level.WARNING, e.getMessage() + "; using the built-in gtzan58 model instead");
            }
        }
        return reader.read(Path.of("builtin-default.gkm"), resourceBytes(DEFAULT_RESOURCE));
    }

    /** True when {@link #loadDefault()} gives the backbone-based model. */
    public static boolean backboneDefaultAvailable() {
        return Backbones.find(Mn04Backbone.NAME).isPresent() && ModelBundles.class.getResource(BACKBONE_DEFAULT_RESOURCE) != null;
    }

    private static byte[] resourceBytes(String resource) throws IOException {
        try (InputStream in = ModelBundles.class.getResourceAsStream(resource)) {
            if (in == null) throw new BundleException(Path.of(resource), "the built-in model is missing from the class path");
            return in.readAllBytes();
        }
    }

    /** Loads a bundle from its bytes; {@code file} names it in messages. */
    public static GenreClassifier load(Path file, byte[] data) throws IOException {
        Contents c = read(file, data);
        BundleCodec codec = codec(file, c.kind());
        GenreClassifier model = codec.read(file, c.manifest(), c.entries());
        synchronized (SHA256) {
            SHA256.put(model, Sha256.hexOf(data));
        }
        return model;
    }

    /**
     * SHA-256 of the bundle bytes {@code model} was loaded from, lower-case hex; empty for a model
     * built in memory. Results name it, so that an answer says exactly which file gave it.
     */
    public static Optional<String> sha256(GenreClassifier model) {
        synchronized (SHA256) {
            return Optional.ofNullable(SHA256.get(model));
        }
    }

    /** A bundle's checked manifest and entries. */
    public record Contents(String kind, Map<String, Object> manifest, Map<String, byte[]> entries) {
    }

    /** Reads and verifies a bundle without building the model: format, version, checksums. */
    public static Contents read(Path file, byte[] data) throws BundleException {
        return read(file, data, maxBytes());
    }

    /** {@link #read(Path, byte[])} with {@code maxBytes} for all entries inflated together. */
    public static Contents read(Path file, byte[] data, long maxBytes) throws BundleException {
        if (data.length < 22 || !(data[0] == 0x50 && data[1] == 0x4b)) {
            throw new BundleException(file, "not a Genrekit model bundle (not a zip file)");
        }
        if (!endsWithCentralDirectory(data)) {
            throw new BundleException(file, "damaged model bundle: the zip file is truncated (no end-of-central-directory record; " + data.length + " bytes)");
        }
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(data))) {
            ZipEntry e;
            long total = 0;
            while ((e = zip.getNextEntry()) != null) {
                byte[] content = readEntry(file, zip, e.getName(), maxBytes - total, maxBytes);
                total += content.length;
                if (entries.put(e.getName(), content) != null) throw new BundleException(file, "damaged model bundle: entry '" + e.getName() + "' appears twice");
            }
        } catch (ZipException | java.io.EOFException ex) {
            throw new BundleException(file, "damaged model bundle: cannot read the zip (" + ex.getMessage() + ")", ex);
        } catch (BundleException ex) {
            throw ex;
        } catch (IOException ex) {
            throw new BundleException(file, "cannot read the model bundle: " + ex.getMessage(), ex);
        }
        byte[] mf = entries.remove(BundleFormat.MANIFEST);
        if (mf == null) throw new BundleException(file, "not a Genrekit model bundle: no " + BundleFormat.MANIFEST + " (entries: " + entries.keySet() + ")");
        Map<String, Object> manifest;
        try {
            manifest = JSON.readValue(mf, new TypeReference<LinkedHashMap<String, Object>>() { });
        } catch (IOException ex) {
            throw new BundleException(file, "damaged model bundle: " + BundleFormat.MANIFEST + " is not valid JSON (" + ex.getMessage() + ")", ex);
        }
        if (!BundleFormat.MAGIC.equals(manifest.get("format"))) {
            throw new BundleException(file, "not a Genrekit model bundle: manifest format is " + manifest.get("format") + ", expected " + BundleFormat.MAGIC);
        }
        if (!(manifest.get("format_version") instanceof Integer v)) {
            throw new BundleException(file, "damaged model bundle: format_version is missing or not an integer");
        }
        if (v > BundleFormat.VERSION) {
            throw new BundleException(file, "model bundle format version " + v + " is newer than this Genrekit " + Versions.built().genrekit()
                    + " reads (up to " + BundleFormat.VERSION + "); upgrade Genrekit or re-train the model with this version");
        }
        if (v < 1) throw new BundleException(file, "damaged model bundle: format_version " + v + " is not valid");
        if (!(manifest.get("kind") instanceof String kind) || kind.isBlank()) throw new BundleException(file, "damaged model bundle: the manifest has no kind");
        if (!(manifest.get("entries") instanceof Map<?, ?> sums)) throw new BundleException(file, "damaged model bundle: the manifest lists no entry checksums");
        for (Map.Entry<?, ?> s : sums.entrySet()) {
            byte[] content = entries.get(String.valueOf(s.getKey()));
            if (content == null) throw new BundleException(file, "damaged model bundle: entry '" + s.getKey() + "' is missing");
            String actual = Sha256.hexOf(content);
            if (!actual.equals(s.getValue())) {
                throw new BundleException(file, "damaged model bundle: entry '" + s.getKey() + "' fails its SHA-256 check (expected " + s.getValue() + ", got " + actual + ")");
            }
        }
        for (String name : entries.keySet()) {
            if (!sums.containsKey(name)) throw new BundleException(file, "damaged model bundle: entry '" + name + "' has no checksum in the manifest");
        }
        // Bundles written before the shared provenance record used other keys: every reader sees one set.
        if (manifest.get("provenance") instanceof Map<?, ?> p) {
            try {
                manifest.put("provenance", Provenance.fromMap(p).toMap());
            } catch (IllegalArgumentException e) {
                throw new BundleException(file, "damaged model bundle: " + e.getMessage(), e);
            }
        }
        return new Contents(kind, manifest, entries);
    }

    /** One entry's bytes, refused as soon as they pass {@code left} (the declared size is not trusted). */
    private static byte[] readEntry(Path file, ZipInputStream zip, String name, long left, long max) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        byte[] buf = new byte[1 << 16];
        for (int n; (n = zip.read(buf)) > 0; ) {
            if (out.size() + (long) n > left) {
                throw new BundleException(file, tooBig("entry '" + name + "' inflates past " + (out.size() + (long) n)
                        + " bytes (with the entries before it)", max));
            }
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }

    private static boolean endsWithCentralDirectory(byte[] d) {
        // The EOCD record is 22 bytes plus a comment of up to 65535 bytes at the very end.
        int lowest = Math.max(0, d.length - 22 - 65535);
        for (int i = d.length - 22; i >= lowest; i--) {
            if (d[i] == EOCD[0] && d[i + 1] == EOCD[1] && d[i + 2] == EOCD[2] && d[i + 3] == EOCD[3]) {
                int commentLength = (d[i + 20] & 0xff) | (d[i + 21] & 0xff) << 8;
                if (i + 22 + commentLength == d.length) return true;
            }
        }
        return false;
    }

    private static BundleCodec codec(Path file, String kind) throws BundleException {
        List<String> known = new ArrayList<>();
        for (BundleCodec c : ServiceLoader.load(BundleCodec.class)) {
            if (c.kind().equals(kind)) return c;
            known.add(c.kind());
        }
        throw new BundleException(file, "unknown model kind '" + kind + "' (this Genrekit reads: " + String.join(", ", new TreeMap<String, String>(
                known.stream().collect(java.util.stream.Collectors.toMap(k -> k, k -> k, (a, b) -> a))).keySet()) + ")");
    }
}
