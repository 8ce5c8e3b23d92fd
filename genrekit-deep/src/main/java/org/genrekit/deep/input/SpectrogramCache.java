package org.genrekit.deep.input;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.genrekit.core.io.AtomicFiles;

/**
 * Stores computed input planes on disk, keyed by file identity (absolute path, size, modification
 * time) and the recipe id, so that spectrograms are computed once and a changed file or recipe
 * never reuses a stale entry. Writes go to a temporary file then an atomic rename.
 */
public final class SpectrogramCache {
    private static final int MAGIC = 0x474B4C4D; // "GKLM"
    private final Path dir;

    public SpectrogramCache(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    public String key(Path file, String recipeId) throws IOException {
        Path abs = file.toAbsolutePath().normalize();
        String identity = abs + "|" + Files.size(abs) + "|" + Files.getLastModifiedTime(abs).toMillis() + "|" + recipeId;
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The cached plane, or null when absent or unreadable (a damaged entry is recomputed). */
    public float[][] get(Path file, String recipeId) throws IOException {
        Path p = dir.resolve(key(file, recipeId) + ".bin");
        if (!Files.exists(p)) return null;
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(Files.readAllBytes(p)))) {
            if (in.readInt() != MAGIC) return null;
            int rows = in.readInt(), cols = in.readInt();
            float[][] out = new float[rows][cols];
            for (float[] r : out) for (int c = 0; c < cols; c++) r[c] = in.readFloat();
            return out;
        } catch (IOException e) {
            return null;
        }
    }

    public void put(Path file, String recipeId, float[][] plane) throws IOException {
        Files.createDirectories(dir);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(16 + plane.length * plane[0].length * 4);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeInt(plane.length);
            out.writeInt(plane[0].length);
            for (float[] r : plane) for (float v : r) out.writeFloat(v);
        }
        AtomicFiles.write(dir.resolve(key(file, recipeId) + ".bin"), bytes.toByteArray());
    }
}
