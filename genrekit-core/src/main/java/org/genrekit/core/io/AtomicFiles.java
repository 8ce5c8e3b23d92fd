package org.genrekit.core.io;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.Objects;

/**
 * Writes files so that a reader sees the old content or the new, never half of either, and a crash
 * after the call returns does not lose the new content: the bytes go to a temporary name in the
 * target's folder, the file is fsynced, renamed onto the target (atomically where the file system
 * can) and the folder is fsynced so the rename itself is durable.
 *
 * <p>Temporary files are {@code .NAME.RANDOM.tmp} and get the user's default mode (0666 less the
 * umask, like a shell redirect), unlike {@link Files#createTempFile}'s 0600 that the renamed
 * result would keep.
 */
public final class AtomicFiles {
    private static final System.Logger LOG = System.getLogger(AtomicFiles.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int MAX_NAME_ATTEMPTS = 16;

    private AtomicFiles() {
    }

    /** Writes the content of one file to a stream; the stream is closed by the caller. */
    @FunctionalInterface
    public interface StreamBody {
        void write(OutputStream out) throws IOException;
    }

    /** Writes the content of one text file; the writer is closed by the caller. */
    @FunctionalInterface
    public interface TextBody {
        void write(Writer out) throws IOException;
    }

    /** Replaces {@code target} with {@code content}. */
    public static void write(Path target, byte[] content) throws IOException {
        Objects.requireNonNull(content, "content");
        write(target, out -> out.write(content));
    }

    /** Replaces {@code target} with {@code text} in UTF-8. */
    public static void writeString(Path target, CharSequence text) throws IOException {
        Objects.requireNonNull(text, "text");
        writeText(target, w -> w.append(text));
    }

    /** Replaces {@code target} with {@code lines}, each ended by {@code \n}, in UTF-8. */
    public static void writeLines(Path target, Iterable<? extends CharSequence> lines) throws IOException {
        Objects.requireNonNull(lines, "lines");
        writeText(target, w -> {
            for (CharSequence l : lines) w.append(l).append('\n');
        });
    }

    /** Replaces {@code target} with what {@code body} writes (buffered); nothing changes if it throws. */
    public static void write(Path target, StreamBody body) throws IOException {
        Objects.requireNonNull(body, "body");
        Path tmp = tempBeside(target);
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
                body.write(out);
            }
            commit(tmp, target);
        } catch (IOException | RuntimeException | Error e) {
            deleteQuietly(tmp, e);
            throw e;
        }
    }

    /** Replaces {@code target} with the UTF-8 text {@code body} writes (buffered). */
    public static void writeText(Path target, TextBody body) throws IOException {
        Objects.requireNonNull(body, "body");
        write(target, out -> {
            Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            body.write(w);
            w.flush(); // not closed: the stream belongs to write(Path, StreamBody)
        });
    }

    /**
     * Creates an empty temporary file beside {@code target} (creating the folder when needed), for a
     * writer that streams into it over time and then calls {@link #commit}, or {@link #deleteQuietly}
     * when it gives up.
     */
    public static Path tempBeside(Path target) throws IOException {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        if (dir == null) throw new IOException(target + ": has no parent folder to write a temporary file in");
        Files.createDirectories(dir);
        for (int attempt = 0; ; attempt++) {
            Path tmp = dir.resolve("." + abs.getFileName() + "." + Long.toHexString(RANDOM.nextLong()) + ".tmp");
            try {
                return Files.createFile(tmp);
            } catch (FileAlreadyExistsException e) {
                if (attempt >= MAX_NAME_ATTEMPTS) throw e;
            }
        }
    }

    /**
     * Makes the finished file {@code tmp} durable and renames it onto {@code target} (replacing it),
     * then makes the rename durable. {@code tmp} must be on the same file system, best in the same
     * folder ({@link #tempBeside}). On failure {@code tmp} is left for the caller to delete.
     */
    public static void commit(Path tmp, Path target) throws IOException {
        fsync(tmp);
        moveIntoPlace(tmp, target);
    }

    /**
     * Renames the finished file or folder {@code source} onto {@code target}, replacing a file (a
     * folder target must be absent: see {@link #replaceFolder}), and fsyncs the target's folder.
     * The caller has already made what {@code source} holds durable.
     */
    public static void moveIntoPlace(Path source, Path target) throws IOException {
        Path abs = target.toAbsolutePath();
        try {
            Files.move(source, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            // Some file systems (some network mounts) cannot rename atomically: a plain move is the best they offer.
            LOG.log(System.Logger.Level.DEBUG, "no atomic move on the file system of {0}; moving plainly", abs);
            Files.move(source, abs, StandardCopyOption.REPLACE_EXISTING);
        }
        fsyncFolder(abs.getParent());
    }

    /**
     * Puts the complete folder {@code fresh} at {@code target} (same file system): an existing
     * {@code target} is renamed away first, restored if the second rename fails, and deleted after.
     * A folder cannot be swapped in one rename, so a reader may see no {@code target} for an instant,
     * never a partial one.
     */
    public static void replaceFolder(Path fresh, Path target) throws IOException {
        fsyncTree(fresh);
        Path old = null;
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            old = target.resolveSibling(".old-" + target.getFileName() + "-" + Long.toHexString(RANDOM.nextLong()));
            Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
        }
        try {
            moveIntoPlace(fresh, target);
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
                Trees.delete(old);
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, "could not remove the previous " + target + " (now " + old + "): " + e);
            }
        }
    }

    /** Forces {@code file}'s content to the device. */
    public static void fsync(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
    }

    /**
     * Forces a folder's entries (a rename into it) to the device. Where folders cannot be opened
     * (Windows), there is nothing to force: the file system orders renames itself.
     */
    public static void fsyncFolder(Path dir) throws IOException {
        if (dir == null) return;
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            if (Files.isDirectory(dir)) {
                LOG.log(System.Logger.Level.DEBUG, "cannot fsync the folder {0}: {1}", dir, e);
                return;
            }
            throw e;
        }
    }

    private static void fsyncTree(Path root) throws IOException {
        try (var s = Files.walk(root)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) fsync(p);
                else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) fsyncFolder(p);
            }
        }
    }

    /** Deletes {@code tmp} after {@code cause}; a failure to delete is added to {@code cause}, not thrown. */
    public static void deleteQuietly(Path tmp, Throwable cause) {
        try {
            Files.deleteIfExists(tmp);
        } catch (IOException e) {
            if (cause != null) cause.addSuppressed(e);
            LOG.log(System.Logger.Level.WARNING, "could not remove the temporary file " + tmp + ": " + e);
        }
    }
}
