package org.genrekit.data.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The identity of an audio file as the store sees it: absolute path, size and modification time
 * (a changed or replaced file gets a new key and is extracted again; an untouched one is reused).
 */
public record AudioKey(String path, long size, long mtimeMs) {
    public static AudioKey of(Path file) throws IOException {
        Path abs = file.toAbsolutePath().normalize();
        BasicFileAttributes a = Files.readAttributes(abs, BasicFileAttributes.class);
        return new AudioKey(abs.toString(), a.size(), a.lastModifiedTime().toMillis());
    }

    /** The store key of a segment of this audio: a hash of path, size, mtime and segment tag. */
    public String key(String segmentTag) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update((path + '\u0000' + size + '\u0000' + mtimeMs + '\u0000' + segmentTag).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(md.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
