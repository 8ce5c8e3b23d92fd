package org.genrekit.audio;

import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Why a path cannot be opened by name, said precisely instead of "not found": a symbolic link loop,
 * a link to nothing, or a name that is not valid UTF-8 (Java shows its undecodable bytes as U+FFFD
 * and the name cannot be passed on to FFmpeg or typed back). Shared by every command that takes paths.
 */
public final class PathProblems {
    private PathProblems() {
    }

    /** What is wrong with a path, with the reason a decode failure reports. */
    public record Problem(AudioDecodeException.Reason reason, String detail) {
    }

    /** The problem with {@code path}, or null when it can be opened by name (it exists, links resolved). */
    public static Problem of(Path path) {
        String name = path.toString();
        if (name.indexOf('\uFFFD') >= 0 && !Files.exists(Path.of(name), LinkOption.NOFOLLOW_LINKS)) {
            return new Problem(AudioDecodeException.Reason.IO_ERROR, "its name is not valid UTF-8 (the undecodable"
                    + " bytes show as U+FFFD), so it cannot be opened by name; rename it with a UTF-8 name");
        }
        if (Files.exists(path)) return null;
        if (Files.isSymbolicLink(path)) {
            try {
                path.toRealPath();
            } catch (NoSuchFileException e) {
                return new Problem(AudioDecodeException.Reason.NOT_FOUND, "a symbolic link to '" + target(path) + "', which does not exist");
            } catch (FileSystemException e) {
                return new Problem(AudioDecodeException.Reason.IO_ERROR, "a symbolic link that cannot be resolved ("
                        + (e.getReason() != null && e.getReason().contains("Too many levels") ? "a loop: too many levels of symbolic links" : e.getReason()) + ")");
            } catch (java.io.IOException e) {
                return new Problem(AudioDecodeException.Reason.IO_ERROR, "a symbolic link that cannot be resolved (" + e.getMessage() + ")");
            }
        }
        return new Problem(AudioDecodeException.Reason.NOT_FOUND, "no such file");
    }

    /** {@link #of}'s detail, or {@code "no such file"} when the path has no other problem. */
    public static String describe(Path path) {
        Problem p = of(path);
        return p == null ? "no such file" : p.detail();
    }

    private static String target(Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (java.io.IOException e) {
            return "?";
        }
    }
}
