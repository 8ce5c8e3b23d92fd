package org.genrekit.core.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;
import org.genrekit.core.hash.Sha256;

/**
 * The identity of an input file as caches see it: absolute normalized path, size and modification
 * time. A changed or replaced file gets a new key and is computed again; an untouched one is reused.
 * Reading the content would be surer but costs a full read of every file on every run.
 *
 * @param path    absolute, normalized
 * @param size    bytes
 * @param mtimeMs last modification, ms since the epoch
 */
public record FileKey(String path, long size, long mtimeMs) {
    /** Hex digits in a {@link #digest}: 128 bits, ample for a cache's key space. */
    public static final int DIGEST_HEX_CHARS = 32;

    public FileKey {
        Objects.requireNonNull(path, "path");
        if (size < 0) throw new IllegalArgumentException("size must be >= 0, got " + size);
    }

    public static FileKey of(Path file) throws IOException {
        Path abs = file.toAbsolutePath().normalize();
        BasicFileAttributes a = Files.readAttributes(abs, BasicFileAttributes.class);
        return new FileKey(abs.toString(), a.size(), a.lastModifiedTime().toMillis());
    }

    /**
     * A cache key for something derived from this file: the first 128 bits of SHA-256 over path,
     * size, mtime and {@code tag} (e.g. a segment or a recipe id), NUL-separated, in hex.
     */
    public String digest(String tag) {
        Objects.requireNonNull(tag, "tag");
        byte[] h = Sha256.start().update(path + '\u0000' + size + '\u0000' + mtimeMs + '\u0000' + tag).digest();
        return Sha256.toHex(h, 0, DIGEST_HEX_CHARS / 2);
    }
}
