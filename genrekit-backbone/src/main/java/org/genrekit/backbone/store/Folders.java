package org.genrekit.backbone.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

/** Folder moves for installs: a complete new folder replaces the old one in one rename. */
final class Folders {
    private static final System.Logger LOG = System.getLogger(Folders.class.getName());

    private Folders() {
    }

    /**
     * Puts the complete folder {@code fresh} at {@code target} (same file system): an existing
     * {@code target} is renamed away first, restored if the second rename fails, deleted after.
     */
    static void replace(Path fresh, Path target) throws IOException {
        Path old = null;
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            old = target.resolveSibling(".old-" + target.getFileName() + "-" + UUID.randomUUID());
            Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
        }
        try {
            Files.move(fresh, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            if (old != null) {
                try {
                    Files.move(old, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException e2) {
                    e.addSuppressed(e2);
                }
            }
            throw e;
        }
        if (old != null) {
            try {
                deleteTree(old);
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, "could not remove the previous installation " + old + ": " + e);
            }
        }
    }

    /** Deletes {@code dir} and everything below it (links are removed, not followed); absent is fine. */
    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    /** {@link #deleteTree}, logging rather than throwing: for cleanup after another failure. */
    static void deleteQuietly(Path p, Throwable cause) {
        try {
            deleteTree(p);
        } catch (IOException e) {
            if (cause != null) cause.addSuppressed(e);
            LOG.log(System.Logger.Level.WARNING, "could not remove " + p + ": " + e);
        }
    }
}
