package org.genrekit.backbone.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.genrekit.backbone.weights.NpzReader;
import org.genrekit.backbone.weights.Tensor;

/**
 * Reads weights a user downloaded, whatever the file is called: a PyTorch state dict ({@code .pt},
 * a zip with {@code data.pkl}) or a numpy {@code .npz}, told apart by content.
 */
public final class WeightsImport {
    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final byte[] EMPTY_ZIP = {'P', 'K', 5, 6};
    private static final byte[] NPY = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};

    /** What a file holds. */
    public enum Format { PT, NPZ }

    private WeightsImport() {
    }

    /** The format of {@code file} by its content; an {@link IOException} with a one-line reason for anything else. */
    public static Format detect(Path file) throws IOException {
        if (!Files.isRegularFile(file)) throw new NoSuchFileException(file.toString(), null, "no such file");
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(8);
        }
        if (head.length == 0) throw new IOException(file + " is empty");
        if (startsWith(head, ZIP)) return zipFormat(file);
        if (startsWith(head, EMPTY_ZIP)) throw new IOException(file + " is an empty zip archive, not weights");
        if (startsWith(head, NPY)) throw new IOException(file + " is a single .npy array, not a weights archive (.pt or .npz)");
        if ((head[0] & 0xff) == 0x80 && head.length > 1 && head[1] >= 2 && head[1] <= 5) {
            throw new IOException(file + " is a pickle (PyTorch's legacy pre-1.6 format?); re-save it with torch.save from torch 1.6 or later, or as an .npz");
        }
        if (head.length < ZIP.length && startsWith(ZIP, head)) throw new IOException(file + " is damaged or truncated (" + head.length + " bytes)");
        throw new IOException(file + " is neither a PyTorch .pt nor a numpy .npz file");
    }

    public static Map<String, Tensor> read(Path file) throws IOException {
        return switch (detect(file)) {
            case PT -> PtStateDictReader.read(file);
            case NPZ -> NpzReader.read(file);
        };
    }

    private static Format zipFormat(Path file) throws IOException {
        boolean npy = false;
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (Enumeration<? extends ZipEntry> en = zip.entries(); en.hasMoreElements(); ) {
                String n = en.nextElement().getName();
                if (n.endsWith("/data.pkl")) return Format.PT;
                npy |= n.endsWith(".npy");
            }
        } catch (ZipException e) {
            throw new IOException(file + " is damaged or truncated: not a readable zip archive (" + Files.size(file) + " bytes; " + e.getMessage() + ")", e);
        }
        if (npy) return Format.NPZ;
        throw new IOException(file + " is a zip archive but neither a PyTorch state dict (no data.pkl) nor an .npz (no .npy entries)");
    }

    private static boolean startsWith(byte[] a, byte[] prefix) {
        return a.length >= prefix.length && Arrays.equals(a, 0, prefix.length, prefix, 0, prefix.length);
    }
}
