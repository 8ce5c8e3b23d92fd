package org.genrekit.deep.input;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.genrekit.core.io.AtomicFiles;
import org.genrekit.core.io.FileKey;

/**
 * Stores computed input planes on disk, keyed by the shared file identity ({@link FileKey}:
 * absolute path, size, modification time) and the recipe id, so that spectrograms are computed
 * once and a changed file or recipe never reuses a stale entry. Writes go to a temporary file then
 * an atomic rename.
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

    private Path entry(Path file, String recipeId) throws IOException {
        return dir.resolve(FileKey.of(file).digest(recipeId) + ".bin");
    }

    /** The cached plane, or null when absent or unreadable (a damaged entry is recomputed). */
    public float[][] get(Path file, String recipeId) throws IOException {
        Path p = entry(file, recipeId);
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
        AtomicFiles.write(entry(file, recipeId), bytes.toByteArray());
    }
}
