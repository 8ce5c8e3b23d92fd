package org.genrekit.data.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.genrekit.core.csv.CsvHeader;
import org.genrekit.core.csv.CsvReader;
import org.genrekit.data.Track;
import org.genrekit.data.TrackSource;
import org.genrekit.data.VectorDataset;
import org.genrekit.data.table.FeatureTables;

/**
 * An artist per track id, read from a CSV with an id column ({@code clip_id}, {@code id} or
 * {@code track_id}) and an {@code artist} column (the dataset spec's {@code artists=FILE}), such as
 * {@code shared/data/gtzan-splits/artists.csv}. It attaches artists to any source by track id.
 * <p>
 * Ids match after the normalisation every track id gets ({@link FeatureTables#idOf}): folders and an
 * audio extension are dropped, and a segment row of Kaggle's 3-second table maps to its track, so
 * {@code blues.00000}, {@code blues.00000.wav}, {@code blues/blues.00000.wav} and
 * {@code blues.00000.3.wav} are one track. A blank artist, {@code unknown} or {@code n/a}
 * (any case) is unknown ({@link #normalize}): such a track is a group of its own.
 */
public final class Artists {
    private static final System.Logger LOG = System.getLogger(Artists.class.getName());

    /** Header names of the artist column, in order of preference (as a manifest's). */
    public static final List<String> ARTIST_COLUMNS = List.of("artist", "artist_name", "artist_id");

    private final Path file;
    private final Map<String, String> byId;

    private Artists(Path file, Map<String, String> byId) {
        this.file = file;
        this.byId = byId;
    }

    /** The artist text as a group key: stripped; null when blank or a placeholder for "not known". */
    public static String normalize(String artist) {
        if (artist == null) return null;
        String a = artist.strip();
        return switch (a.toLowerCase(Locale.ROOT)) {
            case "", "unknown", "n/a" -> null;
            default -> a;
        };
    }

    /** Reads {@code csv}; an IOException names the file (missing, empty, no id or artist column, an id listed twice with two artists). */
    public static Artists read(Path csv) throws IOException {
        if (!Files.isRegularFile(csv)) throw new java.nio.file.NoSuchFileException(csv.toString(), null, "artists file not found");
        List<List<String>> rows = CsvReader.readAll(csv);
        if (rows.isEmpty()) throw new IOException(csv + ": empty artists file");
        CsvHeader h = new CsvHeader(rows.get(0));
        int idCol = h.find("clip_id", "id", "track_id");
        int artistCol = h.find(ARTIST_COLUMNS.toArray(String[]::new));
        if (idCol < 0 || artistCol < 0) {
            throw new IOException(csv + ": an artists file needs an id column (clip_id, id or track_id) and an artist column; header is " + h.names());
        }
        Map<String, String> byId = new HashMap<>();
        for (int r = 1; r < rows.size(); r++) {
            String raw = CsvHeader.get(rows.get(r), idCol);
            if (raw == null) continue;
            String id = FeatureTables.idOf(raw);
            String artist = normalize(CsvHeader.get(rows.get(r), artistCol));
            if (byId.containsKey(id) && !Objects.equals(byId.get(id), artist)) {
                throw new IOException(csv + ": row " + (r + 1) + " gives track '" + id + "' the artist '" + artist
                        + "', an earlier row '" + byId.get(id) + "'");
            }
            byId.put(id, artist);
        }
        if (byId.isEmpty()) throw new IOException(csv + ": no rows in the artists file");
        return new Artists(csv, byId);
    }

    /** Number of listed track ids. */
    public int size() {
        return byId.size();
    }

    /** Whether {@code trackId} is listed (with an artist or as unknown). */
    public boolean lists(String trackId) {
        return byId.containsKey(trackId);
    }

    /** The artist of {@code trackId}, or null when unknown or not listed. */
    public String artist(String trackId) {
        return byId.get(trackId);
    }

    /** Distinct known artists. */
    public Set<String> artistSet() {
        Set<String> s = new LinkedHashSet<>(byId.values());
        s.remove(null);
        return s;
    }

    /**
     * The same rows with listed tracks' artists as groups; other rows keep their group (null when
     * the dataset had none).
     *
     * @throws IllegalArgumentException when no track id of {@code ds} is listed (ids that never match are a mistake, not "all unknown")
     */
    public VectorDataset apply(VectorDataset ds) {
        List<String> groups = new ArrayList<>(ds.size());
        for (int i = 0; i < ds.size(); i++) {
            String id = ds.ids().get(i);
            groups.add(lists(id) ? artist(id) : ds.group(i));
        }
        Set<String> ids = new LinkedHashSet<>(ds.ids());
        int missing = checkMatches(ids);
        if (missing > 0) LOG.log(System.Logger.Level.WARNING, notListed(missing, ids.size()));
        return ds.withGroups(groups);
    }

    /**
     * The artist of each of {@code trackIds} (null where unknown or not listed), for callers that hold
     * ids rather than a dataset (deep training's manifests). Same rule on ids as {@link #apply(VectorDataset)}.
     */
    public List<String> artistsOf(List<String> trackIds) {
        int missing = checkMatches(new LinkedHashSet<>(trackIds));
        if (missing > 0) LOG.log(System.Logger.Level.WARNING, notListed(missing, new LinkedHashSet<>(trackIds).size()));
        List<String> out = new ArrayList<>(trackIds.size());
        for (String id : trackIds) out.add(artist(id));
        return out;
    }

    /** The source with listed tracks' artists set; other tracks keep theirs. Same rule on ids as {@link #apply(VectorDataset)}. */
    public TrackSource apply(TrackSource src) {
        List<Track> tracks = new ArrayList<>(src.tracks().size());
        Set<String> ids = new LinkedHashSet<>();
        for (Track t : src.tracks()) {
            tracks.add(lists(t.id()) ? t.withArtist(artist(t.id())) : t);
            ids.add(t.id());
        }
        int missing = checkMatches(ids);
        List<String> warnings = new ArrayList<>(src.warnings());
        if (missing > 0) warnings.add(notListed(missing, ids.size()));
        List<Track> fixed = List.copyOf(tracks);
        return new TrackSource() {
            @Override
            public String name() {
                return src.name() + "?artists=" + file;
            }

            @Override
            public List<Track> tracks() {
                return fixed;
            }

            @Override
            public List<String> warnings() {
                return warnings;
            }

            @Override
            public double nominalSeconds() {
                return src.nominalSeconds();
            }
        };
    }

    /** Number of {@code ids} not listed; throws when none is listed. */
    private int checkMatches(Set<String> ids) {
        int missing = 0;
        String example = null;
        for (String id : ids) {
            if (!lists(id)) {
                missing++;
                if (example == null) example = id;
            }
        }
        if (!ids.isEmpty() && missing == ids.size()) {
            throw new IllegalArgumentException("artists=" + file + ": none of the dataset's " + ids.size() + " track ids is listed (the dataset has ids like '"
                    + example + "', the file '" + byId.keySet().iterator().next() + "'; ids match without folders and audio extension)");
        }
        return missing;
    }

    private String notListed(int missing, int total) {
        return "artists=" + file + ": " + missing + " of " + total + " tracks not listed; they keep the source's artist or count as unknown (a group each)";
    }
}
