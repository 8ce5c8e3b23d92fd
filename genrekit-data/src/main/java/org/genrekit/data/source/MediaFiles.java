package org.genrekit.data.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/** Which files are audio or images, and walking folders for them. */
public final class MediaFiles {
    /** Extensions FFmpeg decodes that people keep music in. */
    public static final Set<String> AUDIO = Set.of("wav", "au", "snd", "aif", "aiff", "aifc", "flac", "mp3", "ogg",
            "oga", "opus", "m4a", "aac", "mp4", "wma", "wv", "ape", "mka", "webm");
    public static final Set<String> IMAGES = Set.of("png", "jpg", "jpeg");

    private MediaFiles() {
    }

    public static String extension(Path p) {
        String n = p.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot < 0 ? "" : n.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    public static boolean isAudio(Path p) {
        return AUDIO.contains(extension(p));
    }

    /** Whether any regular file under {@code root} has one of {@code exts} (stops at the first). */
    public static boolean any(Path root, Set<String> exts) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.anyMatch(p -> exts.contains(extension(p)) && Files.isRegularFile(p));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** Regular files under {@code root} (any depth, following no links out of order) with one of {@code exts}, sorted by path; hidden files skipped. */
    public static List<Path> walk(Path root, Set<String> exts) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(p -> exts.contains(extension(p)))
                    .sorted()
                    .toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
