package org.genrekit.data.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.genrekit.core.csv.CsvReader;
import org.genrekit.data.Track;
import org.genrekit.data.TrackIds;

/**
 * Command-line inputs as tracks: an audio file (no label), a folder (recursive; label = the first
 * folder below it, as a folder per genre), or a manifest CSV ({@code path,genre,...}). A file
 * named explicitly is taken whatever its extension, so that a non-audio file is reported, not
 * silently skipped. The same file given twice is taken once.
 */
public final class InputFiles {
    private InputFiles() {
    }

    public static List<Track> tracks(List<Path> inputs) throws IOException {
        List<Track> out = new ArrayList<>();
        Set<Path> seen = new HashSet<>();
        for (Path in : inputs) {
            List<Track> ts;
            if (Files.isDirectory(in)) {
                ts = new FolderSource(in).tracks();
            } else if (in.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv") && Files.isRegularFile(in)) {
                List<String> header;
                try (CsvReader c = CsvReader.open(in)) {
                    header = c.next();
                }
                if (header == null || !ManifestSource.looksLike(header)) {
                    throw new IllegalArgumentException(in + ": a CSV input must be a manifest with a 'path' column");
                }
                ts = new ManifestSource(in).tracks();
            } else if (Files.exists(in)) {
                ts = List.of(Track.of(TrackIds.of(in.getFileName().toString()), in, null));
            } else {
                String why = org.genrekit.audio.PathProblems.describe(in);
                throw new IllegalArgumentException(in + (why.equals("no such file") ? ": input not found" : ": " + why));
            }
            for (Track t : ts) {
                if (t.audio() == null || seen.add(t.audio().toAbsolutePath().normalize())) out.add(t);
            }
        }
        return out;
    }
}
