package org.genrekit.data.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * GTZAN: {@code genres/<genre>/<genre>.NNNNN.au} (the original archive) or Kaggle's
 * {@code Data/genres_original/<genre>/<genre>.NNNNN.wav}. The root may be the folder holding the
 * genre folders or any parent of {@code genres}/{@code genres_original}.
 * Known fault: Kaggle's {@code jazz.00054.wav} is not decodable; it stays listed (so that a scan or
 * an extraction reports it) and is named in {@link #warnings()}.
 */
public final class GtzanSource extends FolderSource {
    public static final List<String> GENRES = List.of("blues", "classical", "country", "disco", "hiphop", "jazz",
            "metal", "pop", "reggae", "rock");

    public GtzanSource(Path root) throws IOException {
        super("gtzan:" + root, genreRoot(root), MediaFiles.AUDIO);
        Path kaggleCorrupt = genreRoot(root).resolve("jazz").resolve("jazz.00054.wav");
        if (Files.isRegularFile(kaggleCorrupt)) {
            warnings.add(kaggleCorrupt + ": known corrupt in Kaggle's GTZAN copy; it will be reported as unreadable");
        }
        for (var t : tracks()) {
            if (t.label() != null && !GENRES.contains(t.label())) {
                warnings.add(root + ": folder '" + t.label() + "' is not a GTZAN genre");
                break;
            }
        }
    }

    /** GTZAN clips are 30 s (29.9 to 30.7 s in practice). */
    @Override
    public double nominalSeconds() {
        return 30;
    }

    /** The folder whose sub-folders are the genres. */
    public static Path genreRoot(Path root) throws IOException {
        if (!Files.isDirectory(root)) throw new IOException(root + ": not a directory");
        for (String cand : new String[] {"genres_original", "genres", "Data/genres_original", "data/genres_original",
                "gtzan/genres", "GTZAN/genres"}) {
            Path p = root.resolve(cand);
            if (Files.isDirectory(p)) return p;
        }
        return root;
    }

    /** True when {@code dir} looks like GTZAN (it or a known sub-folder holds genre folders named like GTZAN's). */
    public static boolean looksLike(Path dir) {
        try {
            Path g = genreRoot(dir);
            if (!g.equals(dir)) return true;
            try (var s = Files.list(g)) {
                return s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).filter(GENRES::contains).count() >= 2;
            }
        } catch (IOException e) {
            return false;
        }
    }
}
