package org.genrekit.core.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Removal of folder trees (temporary installs, replaced folders). */
public final class Trees {
    private static final System.Logger LOG = System.getLogger(Trees.class.getName());

    private Trees() {
    }

    /** Deletes {@code dir} and everything below it (links are removed, not followed); absent is fine. */
    public static void delete(Path dir) throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    /** {@link #delete}, for cleanup after {@code cause}: a failure is added to it and logged, not thrown. */
    public static void deleteQuietly(Path dir, Throwable cause) {
        try {
            delete(dir);
        } catch (IOException e) {
            if (cause != null) cause.addSuppressed(e);
            LOG.log(System.Logger.Level.WARNING, "could not remove " + dir + ": " + e);
        }
    }
}
