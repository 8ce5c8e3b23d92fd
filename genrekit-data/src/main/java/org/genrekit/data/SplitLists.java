package org.genrekit.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.genrekit.core.io.AtomicFiles;

/**
 * Split list files: one track per line, as a relative path ({@code blues/blues.00029.wav}) or a bare
 * id; blank lines and {@code #} comments ignored (the format of Kereliuk &amp; Sturm's GTZAN lists).
 */
public final class SplitLists {
    private SplitLists() {
    }

    /** The track ids listed in {@code txt}, in file order, without duplicates. */
    public static List<String> read(Path txt) throws IOException {
        if (!Files.isRegularFile(txt)) throw new java.nio.file.NoSuchFileException(txt.toString(), null, "split list not found");
        LinkedHashSet<String> ids = new LinkedHashSet<>();
        for (String line : Files.readAllLines(txt, StandardCharsets.UTF_8)) {
            String s = line.strip();
            if (s.isEmpty() || s.startsWith("#")) continue;
            ids.add(TrackIds.of(s));
        }
        return new ArrayList<>(ids);
    }

    /** Writes ids one per line (atomically). */
    public static void write(Path txt, List<String> ids) throws IOException {
        AtomicFiles.writeLines(txt, ids);
    }
}
