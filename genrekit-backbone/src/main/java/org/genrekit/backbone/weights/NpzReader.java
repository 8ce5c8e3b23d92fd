package org.genrekit.backbone.weights;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import org.genrekit.features.io.Npy;
import org.genrekit.features.io.NpyArray;

/**
 * Reads a numpy {@code .npz} archive of float tensors (one {@code NAME.npy} entry per tensor).
 * Integer scalars (a state dict's {@code num_batches_tracked}) are skipped, as in a {@code .pt}.
 */
public final class NpzReader {
    private static final System.Logger LOG = System.getLogger(NpzReader.class.getName());

    private NpzReader() {
    }

    /** Reads through the zip's central directory, so a truncated archive is an error, not fewer tensors. */
    public static Map<String, Tensor> read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) throw new NoSuchFileException(file.toString(), null, "no such file");
        ZipFile zip;
        try {
            zip = new ZipFile(file.toFile());
        } catch (ZipException e) {
            throw new IOException(file + ": damaged or truncated: not a readable zip archive (" + Files.size(file) + " bytes; " + e.getMessage() + ")", e);
        }
        Map<String, Tensor> out = new LinkedHashMap<>();
        try (zip) {
            for (Enumeration<? extends ZipEntry> en = zip.entries(); en.hasMoreElements(); ) {
                ZipEntry e = en.nextElement();
                try (InputStream in = zip.getInputStream(e)) {
                    add(out, file, e.getName(), in);
                } catch (ZipException ex) {
                    throw new IOException(file + ": damaged or truncated entry " + e.getName() + " (" + ex.getMessage() + ")", ex);
                }
            }
        }
        return checked(out, file);
    }

    /** {@code file} only names the archive in messages. */
    public static Map<String, Tensor> read(Path file, byte[] bytes) throws IOException {
        Map<String, Tensor> out = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            ZipEntry e;
            while ((e = zip.getNextEntry()) != null) add(out, file, e.getName(), zip);
        }
        return checked(out, file);
    }

    private static void add(Map<String, Tensor> out, Path file, String entry, InputStream in) throws IOException {
        if (!entry.endsWith(".npy")) return;
        String name = entry.substring(0, entry.length() - 4);
        NpyArray a;
        try {
            a = Npy.parse(in.readAllBytes());
        } catch (RuntimeException ex) {
            throw new IOException(file + ": entry " + entry + " is not a readable .npy array: " + ex.getMessage(), ex);
        }
        if (a.rank() == 0 && isInteger(a.dtype())) {
            LOG.log(System.Logger.Level.DEBUG, "{0}: skipped integer scalar {1}", file, name);
            return;
        }
        out.put(name, new Tensor(name, a.shape(), a.toFloatArray()));
    }

    private static boolean isInteger(String dtype) {
        return dtype.length() >= 2 && (dtype.charAt(1) == 'i' || dtype.charAt(1) == 'u');
    }

    private static Map<String, Tensor> checked(Map<String, Tensor> out, Path file) throws IOException {
        if (out.isEmpty()) throw new IOException(file + ": not an .npz archive of arrays (no .npy entries)");
        return out;
    }
}
