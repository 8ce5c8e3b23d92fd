package org.genrekit.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path dir;

    private List<String> names() throws IOException {
        try (var s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void replacesContentAndLeavesNothingBehind() throws IOException {
        Path f = dir.resolve("a.bin");
        AtomicFiles.write(f, new byte[] {1, 2, 3});
        AtomicFiles.write(f, new byte[] {4, 5});
        assertArrayEquals(new byte[] {4, 5}, Files.readAllBytes(f));
        assertEquals(List.of("a.bin"), names());
    }

    @Test
    void createsMissingFolders() throws IOException {
        Path f = dir.resolve("x/y/z.txt");
        AtomicFiles.writeString(f, "héllo");
        assertEquals("héllo", Files.readString(f, StandardCharsets.UTF_8));
    }

    @Test
    void writesLinesEndedByNewline() throws IOException {
        Path f = dir.resolve("l.txt");
        AtomicFiles.writeLines(f, List.of("a", "b"));
        assertEquals("a\nb\n", Files.readString(f));
    }

    @Test
    void keepsTheOldFileWhenTheWriterThrows() throws IOException {
        Path f = dir.resolve("keep.txt");
        AtomicFiles.writeString(f, "old");
        IOException boom = new IOException("boom");
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.writeText(f, w -> {
            w.write("half of the new");
            throw boom;
        }));
        assertSame(boom, e);
        assertEquals("old", Files.readString(f));
        assertEquals(List.of("keep.txt"), names());
    }

    @Test
    void cleansTheTempFileOnARuntimeFailure() throws IOException {
        Path f = dir.resolve("new.bin");
        assertThrows(IllegalStateException.class, () -> AtomicFiles.write(f, out -> {
            out.write(new byte[100_000]);
            throw new IllegalStateException("stop");
        }));
        assertFalse(Files.exists(f));
        assertEquals(List.of(), names());
    }

    @Test
    void readersSeeTheOldOrTheNewContentNeverAMix() throws Exception {
        Path f = dir.resolve("swap.txt");
        String a = "a".repeat(200_000);
        String b = "b".repeat(300_000);
        AtomicFiles.writeString(f, a);
        AtomicBoolean stop = new AtomicBoolean();
        Thread writer = Thread.ofPlatform().start(() -> {
            try {
                for (int i = 0; i < 40; i++) AtomicFiles.writeString(f, i % 2 == 0 ? b : a);
            } catch (IOException e) {
                throw new RuntimeException(e);
            } finally {
                stop.set(true);
            }
        });
        int reads = 0;
        while (!stop.get()) {
            String s = Files.readString(f);
            assertTrue(s.equals(a) || s.equals(b), "a torn read of " + s.length() + " chars");
            reads++;
        }
        writer.join();
        assertTrue(reads > 0);
        assertEquals(List.of("swap.txt"), names());
    }

    @Test
    void tempFilesGetTheDefaultModeNotPrivate() throws IOException {
        Path f = dir.resolve("mode.txt");
        Path plain = Files.createFile(dir.resolve("plain.txt"));
        AtomicFiles.writeString(f, "x");
        Set<PosixFilePermission> expected;
        try {
            expected = Files.getPosixFilePermissions(plain);
        } catch (UnsupportedOperationException e) {
            return; // not POSIX: nothing to compare
        }
        assertEquals(expected, Files.getPosixFilePermissions(f));
    }

    @Test
    void commitMovesAStreamedTempFileIntoPlace() throws IOException {
        Path f = dir.resolve("streamed.csv");
        Path tmp = AtomicFiles.tempBeside(f);
        assertEquals(dir, tmp.getParent());
        assertTrue(tmp.getFileName().toString().startsWith(".streamed.csv.") && tmp.getFileName().toString().endsWith(".tmp"));
        Files.writeString(tmp, "a,b\n");
        AtomicFiles.commit(tmp, f);
        assertEquals("a,b\n", Files.readString(f));
        assertEquals(List.of("streamed.csv"), names());
    }

    @Test
    void moveIntoPlaceRefusesToMergeIntoAFullFolder() throws IOException {
        Path target = Files.createDirectories(dir.resolve("t"));
        Files.writeString(target.resolve("keep"), "old");
        Path src = Files.createDirectories(dir.resolve("s"));
        assertThrows(IOException.class, () -> AtomicFiles.moveIntoPlace(src, target));
        assertEquals("old", Files.readString(target.resolve("keep")));
    }

    @Test
    void replaceFolderSwapsTheWholeFolder() throws IOException {
        Path target = Files.createDirectories(dir.resolve("inst"));
        Files.writeString(target.resolve("old.txt"), "old");
        Path fresh = Files.createDirectories(dir.resolve(".fresh"));
        Files.writeString(Files.createDirectories(fresh.resolve("sub")).resolve("new.txt"), "new");
        AtomicFiles.replaceFolder(fresh, target);
        assertEquals("new", Files.readString(target.resolve("sub/new.txt")));
        assertFalse(Files.exists(target.resolve("old.txt")));
        assertEquals(List.of("inst"), names());
    }

    @Test
    void replaceFolderKeepsTheOldOneWhenTheFreshIsMissing() throws IOException {
        Path target = Files.createDirectories(dir.resolve("inst"));
        Files.writeString(target.resolve("old.txt"), "old");
        assertThrows(IOException.class, () -> AtomicFiles.replaceFolder(dir.resolve("absent"), target));
        assertEquals("old", Files.readString(target.resolve("old.txt")));
        assertEquals(List.of("inst"), names());
    }
}
