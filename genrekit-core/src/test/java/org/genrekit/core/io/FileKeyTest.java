package org.genrekit.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileKeyTest {
    @TempDir
    Path dir;

    @Test
    void identityIsAbsolutePathSizeAndMtime() throws IOException {
        Path f = Files.writeString(dir.resolve("a.wav"), "12345");
        Files.setLastModifiedTime(f, FileTime.fromMillis(1_600_000_000_000L));
        FileKey k = FileKey.of(dir.resolve("sub/../a.wav"));
        assertEquals(new FileKey(f.toAbsolutePath().normalize().toString(), 5, 1_600_000_000_000L), k);
    }

    @Test
    void digestChangesWithContentTimeAndTag() throws IOException {
        Path f = Files.writeString(dir.resolve("a.wav"), "12345");
        Files.setLastModifiedTime(f, FileTime.fromMillis(1_600_000_000_000L));
        String d = FileKey.of(f).digest("seg0");
        assertEquals(FileKey.DIGEST_HEX_CHARS, d.length());
        assertTrue(d.matches("[0-9a-f]+"));
        assertEquals(d, FileKey.of(f).digest("seg0"));
        assertNotEquals(d, FileKey.of(f).digest("seg1"));
        Files.setLastModifiedTime(f, FileTime.fromMillis(1_600_000_001_000L));
        assertNotEquals(d, FileKey.of(f).digest("seg0"));
    }

    @Test
    void digestIsTheFirstHalfOfSha256OverTheNulSeparatedFields() {
        FileKey k = new FileKey("/m/a.wav", 10, 20);
        String full = org.genrekit.core.hash.Sha256.hexOf("/m/a.wav\u000010\u000020\u0000t");
        assertEquals(full.substring(0, 32), k.digest("t"));
    }

    @Test
    void negativeSizeIsRefused() {
        assertEquals("size must be >= 0, got -1",
                assertThrows(IllegalArgumentException.class, () -> new FileKey("/a", -1, 0)).getMessage());
    }
}
