package org.genrekit.backbone.weights;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.genrekit.features.io.Npy;
import org.genrekit.features.io.NpyArray;

/** Reads a numpy {@code .npz} archive of float tensors (one {@code NAME.npy} entry per tensor). */
public final class NpzReader {
    private NpzReader() {
    }

    public static Map<String, Tensor> read(Path file) throws IOException {
        return read(file, Files.readAllBytes(file));
    }

    /** {@code file} only names the archive in messages. */
    public static Map<String, Tensor> read(Path file, byte[] bytes) throws IOException {
        Map<String, Tensor> out = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            ZipEntry e;
            while ((e = zip.getNextEntry()) != null) {
                if (!e.getName().endsWith(".npy")) continue;
                String name = e.getName().substring(0, e.getName().length() - 4);
                NpyArray a;
                try {
                    a = Npy.parse(zip.readAllBytes());
                } catch (RuntimeException ex) {
                    throw new IOException(file + ": entry " + e.getName() + " is not a readable .npy array: " + ex.getMessage(), ex);
                }
                out.put(name, new Tensor(name, a.shape(), a.toFloatArray()));
            }
        }
        if (out.isEmpty()) throw new IOException(file + ": not an .npz archive of arrays (no .npy entries)");
        return out;
    }
}
