package org.genrekit.features.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.stream.Stream;
import org.genrekit.features.viz.SpectrogramPng;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code features dump}'s .npy (and --png) files get the user's default mode, like any file the
 * user makes (they were 0600: the temporary file's mode survived the rename), and no temporary
 * file is left behind.
 */
class FileModeTest {
    @TempDir
    Path dir;

    @Test
    void npyAndPngFilesHaveTheDefaultModeOfANewFile() throws Exception {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "skipped: not a POSIX file system");
        Set<PosixFilePermission> expected = Files.getPosixFilePermissions(Files.createFile(dir.resolve("plain.txt")));
        assertTrue(expected.contains(PosixFilePermission.OWNER_READ) && expected.contains(PosixFilePermission.OWNER_WRITE));

        Path npy = dir.resolve("mel.npy");
        Npy.write(npy, new float[][] {{1f, 2f}, {3f, 4f}});
        Npy.write(npy, new float[] {5f}); // over an existing file too
        assertEquals(PosixFilePermissions.toString(expected), PosixFilePermissions.toString(Files.getPosixFilePermissions(npy)), "mode of " + npy);

        Path png = dir.resolve("mel.png");
        SpectrogramPng.write(new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB), png);
        assertEquals(PosixFilePermissions.toString(expected), PosixFilePermissions.toString(Files.getPosixFilePermissions(png)), "mode of " + png);

        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(Set.of("plain.txt", "mel.npy", "mel.png"), Set.copyOf(s.map(p -> p.getFileName().toString()).toList()), "no temporary file left");
        }
    }
}
