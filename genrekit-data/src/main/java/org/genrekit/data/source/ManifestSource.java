package org.genrekit.data.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.genrekit.core.csv.CsvHeader;
import org.genrekit.core.csv.CsvReader;
import org.genrekit.data.Track;
import org.genrekit.data.TrackIds;
import org.genrekit.data.TrackSource;
import org.genrekit.data.split.Splits;

/**
 * A CSV manifest: {@code path,genre[,split][,artist][,album][,id]} (also accepted: {@code relative_path}
 * for the path, {@code label} for the genre, {@code fault_filtered_part}/{@code part} for the split,
 * {@code clip_id}/{@code track_id} for the id). Relative paths resolve against the CSV's folder.
 * A blank or {@code unknown} artist is unknown ({@link Artists#normalize}).
 * Listed files that do not exist keep their track (audio null) and are named in {@link #warnings()}.
 */
public final class ManifestSource implements TrackSource {
    private final String name;
    private final List<Track> tracks;
    private final List<String> warnings = new ArrayList<>();

    /** Header names that hold the audio path, in order of preference (shared with batch manifests). */
    public static final List<String> PATH_COLUMNS = List.of("path", "relative_path", "file", "audio");
    /** Header names that hold a track id, in order of preference. */
    public static final List<String> ID_COLUMNS = List.of("id", "clip_id", "track_id");

    public ManifestSource(Path csv) throws IOException {
        this.name = "manifest:" + csv;
        Path base = csv.toAbsolutePath().getParent();
        List<List<String>> rows = CsvReader.readAll(csv);
        if (rows.isEmpty()) throw new IOException(csv + ": empty manifest");
        CsvHeader h = new CsvHeader(rows.get(0));
        int pathCol = h.find(PATH_COLUMNS.toArray(String[]::new));
        if (pathCol < 0) throw new IOException(csv + ": manifest needs a 'path' column; header is " + h.names());
        int labelCol = h.find("genre", "label");
        int splitCol = h.find("split", "part", "fault_filtered_part", "set");
        int artistCol = h.find("artist", "artist_id", "artist_name");
        int albumCol = h.find("album", "album_id");
        int idCol = h.find(ID_COLUMNS.toArray(String[]::new));
        int durCol = h.find("duration", "duration_seconds");
        List<Track> list = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        int missing = 0;
        for (int r = 1; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            String p = CsvHeader.get(row, pathCol);
            if (p == null) {
                warnings.add(csv + ": row " + (r + 1) + " has no path; skipped");
                continue;
            }
            Path f = base.resolve(p).normalize();
            String id = CsvHeader.get(row, idCol);
            if (id == null) id = TrackIds.of(p);
            if (!ids.add(id)) {
                warnings.add(csv + ": row " + (r + 1) + " repeats id '" + id + "'; skipped");
                continue;
            }
            if (!Files.isRegularFile(f)) {
                if (missing++ < 20) warnings.add(f + ": listed in the manifest but not found");
                f = null;
            }
            String dur = CsvHeader.get(row, durCol);
            list.add(new Track(id, f, CsvHeader.get(row, labelCol), null, Artists.normalize(CsvHeader.get(row, artistCol)),
                    CsvHeader.get(row, albumCol), dur == null ? Double.NaN : Double.parseDouble(dur),
                    Splits.normalizePart(CsvHeader.get(row, splitCol))));
        }
        if (missing > 20) warnings.add(csv + ": " + missing + " listed files not found in all");
        this.tracks = List.copyOf(list);
    }

    /** True when the header names a path column (the manifest test of the dataset spec). */
    public static boolean looksLike(List<String> header) {
        return new CsvHeader(header).find("path", "relative_path") >= 0;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<Track> tracks() {
        return tracks;
    }

    @Override
    public List<String> warnings() {
        return List.copyOf(warnings);
    }
}
