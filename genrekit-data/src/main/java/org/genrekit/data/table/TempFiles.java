package org.genrekit.data.table;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Temporary files that must not outlive the process: a run stopped with Ctrl-C or SIGTERM deletes
 * them in a shutdown hook. (A SIGKILL gives no chance; the names are fixed per target, so the next
 * run with the same output overwrites or deletes them.)
 */
final class TempFiles {
    private static final System.Logger LOG = System.getLogger(TempFiles.class.getName());
    private static final Set<Path> OPEN = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(TempFiles::deleteAll, "genrekit-temp-cleanup"));
    }

    private TempFiles() {
    }

    /** Deletes {@code tmp} if the process ends before {@link #release}. */
    static void register(Path tmp) {
        OPEN.add(tmp);
    }

    static void release(Path tmp) {
        OPEN.remove(tmp);
    }

    private static void deleteAll() {
        for (Path p : OPEN) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, "cannot delete temporary file {0}: {1}", p, e.getMessage());
            }
        }
    }
}
