package org.genrekit.backbone.guard;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.genrekit.backbone.weights.Tensor;

/**
 * Recognises the pretrained weights in any file: by the SHA-256 of the published files, or by a
 * distinctive run of raw float32 values (the first 256 bytes of some tensors, little- and
 * big-endian), also inside zip-like files (jars, model bundles, npz), entry by entry.
 */
final class WeightsFingerprint {
    static final int RUN_BYTES = 256;
    private static final int MAX_DEPTH = 4;
    private static final byte[] ZIP = {'P', 'K', 3, 4};

    private final Set<String> sha256s;
    private final Map<String, byte[]> runs = new LinkedHashMap<>();

    WeightsFingerprint(Set<String> sha256s, Map<String, Tensor> tensors, List<String> names) {
        this.sha256s = Set.copyOf(sha256s);
        for (String n : names) {
            Tensor t = tensors.get(n);
            if (t == null || t.data().length * 4 < RUN_BYTES) throw new IllegalArgumentException("no 256-byte run in tensor " + n);
            for (ByteOrder o : List.of(ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN)) {
                ByteBuffer b = ByteBuffer.allocate(RUN_BYTES).order(o);
                for (int i = 0; i < RUN_BYTES / 4; i++) b.putFloat(t.data()[i]);
                runs.put(n + (o == ByteOrder.LITTLE_ENDIAN ? " (float32 LE)" : " (float32 BE)"), b.array());
            }
        }
    }

    /** The distinctive runs, by description (for the negative control). */
    Map<String, byte[]> runs() {
        return runs;
    }

    /** What in {@code content} (named {@code label}) is the weights; empty when nothing is. */
    List<String> offences(String label, byte[] content) {
        List<String> out = new ArrayList<>();
        scan(label, content, 0, out);
        return out;
    }

    private void scan(String label, byte[] content, int depth, List<String> out) {
        if (sha256s.contains(sha256(content))) out.add(label + ": is a weights file (SHA-256 " + sha256(content) + ")");
        for (var r : runs.entrySet()) {
            int at = indexOf(content, r.getValue());
            if (at >= 0) out.add(label + ": holds the first " + RUN_BYTES + " bytes of " + r.getKey() + " at offset " + at);
        }
        if (depth < MAX_DEPTH && startsWith(content, ZIP)) {
            try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
                for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                    if (!e.isDirectory()) scan(label + "!/" + e.getName(), zip.readAllBytes(), depth + 1, out);
                }
            } catch (IOException | RuntimeException e) {
                // not a readable zip after all: the raw bytes were scanned above
            }
        }
    }

    static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0, last = hay.length - needle.length; i <= last; i++) {
            if (hay[i] != needle[0]) continue;
            for (int j = 1; j < needle.length; j++) if (hay[i + j] != needle[j]) continue outer;
            return i;
        }
        return -1;
    }

    private static boolean startsWith(byte[] a, byte[] p) {
        if (a.length < p.length) return false;
        for (int i = 0; i < p.length; i++) if (a[i] != p[i]) return false;
        return true;
    }
}
