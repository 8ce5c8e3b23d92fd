package org.genrekit.data.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.genrekit.core.csv.CsvHeader;
import org.genrekit.core.csv.CsvReader;
import org.genrekit.data.Track;
import org.genrekit.data.TrackSource;
import org.genrekit.data.split.Splits;

/**
 * The Free Music Archive (Defferrard et al. 2017). Metadata from {@code fma_metadata/tracks.csv}
 * (three header rows: group, field, then {@code track_id}), or, lacking it, {@code raw_tracks.csv}
 * (cp1252 in some copies) with {@code genres.csv}. Single label: {@code genre_top} (the one root
 * genre of a track's genres; none when they span several roots). Multi-labels: every genre of the
 * track with its ancestors ({@code genres_all}). Audio: {@code AUDIO/000/000002.mp3}; tracks
 * without a file keep audio null and are counted in {@link #warnings()}.
 */
public final class FmaSource implements TrackSource {
    /** FMA's subsets; each contains the smaller ones. */
    public enum Subset { SMALL, MEDIUM, LARGE, FULL;
        public static Subset parse(String s) {
            try {
                return valueOf(s.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("FMA subset must be small, medium, large or full, got '" + s + "'");
            }
        }

        boolean contains(String trackSubset) {
            if (this == FULL) return true;
            if (trackSubset == null) return false;
            Subset t = parse(trackSubset);
            return t.ordinal() <= ordinal();
        }
    }

    /** Options of an FMA source. {@code audioDir} and {@code subset} may be null. */
    public record Options(Path audioDir, Subset subset) {
    }

    private static final Pattern GENRE_ID = Pattern.compile("'genre_id':\\s*'?(\\d+)'?");
    private static final Pattern INT = Pattern.compile("\\d+");

    private final String name;
    private final List<Track> tracks;
    private final FmaGenres genres;
    private final List<String> warnings = new ArrayList<>();
    private final boolean hasOfficialSplit;
    private final Subset subset;

    public FmaSource(Path metadata, Options options) throws IOException {
        this.name = "fma:" + metadata;
        Path dir = Files.isDirectory(metadata) ? metadata : metadata.getParent();
        Path genresCsv = dir.resolve("genres.csv");
        if (!Files.isRegularFile(genresCsv)) genresCsv = dir.resolve("raw_genres.csv");
        if (!Files.isRegularFile(genresCsv)) throw new IOException(dir + ": FMA metadata needs genres.csv");
        this.genres = FmaGenres.read(genresCsv);
        Path tracksCsv = Files.isRegularFile(metadata) ? metadata : dir.resolve("tracks.csv");
        Subset subset = options.subset() != null ? options.subset() : inferSubset(options.audioDir());
        this.subset = subset;
        List<Track> list;
        if (Files.isRegularFile(tracksCsv) && !tracksCsv.getFileName().toString().startsWith("raw_")) {
            list = readTracksCsv(tracksCsv, subset);
            hasOfficialSplit = true;
        } else {
            Path raw = Files.isRegularFile(metadata) ? metadata : firstExisting(dir, "raw_tracks.csv", "raw_tracks_excerpt.csv");
            if (raw == null) throw new IOException(dir + ": FMA metadata needs tracks.csv or raw_tracks.csv");
            if (subset != Subset.FULL) {
                throw new IOException(raw + ": raw_tracks.csv has no subset column; use subset=full (or tracks.csv)");
            }
            list = readRawTracks(raw);
            hasOfficialSplit = false;
        }
        if (options.audioDir() != null) list = attachAudio(list, options.audioDir());
        this.tracks = List.copyOf(list);
    }

    private static Path firstExisting(Path dir, String... names) {
        for (String n : names) if (Files.isRegularFile(dir.resolve(n))) return dir.resolve(n);
        return null;
    }

    /** {@code fma_small} → small, ...; anything else → full. */
    static Subset inferSubset(Path audioDir) {
        if (audioDir == null) return Subset.FULL;
        String n = audioDir.getFileName().toString().toLowerCase(Locale.ROOT);
        for (Subset s : Subset.values()) if (n.equals("fma_" + s.name().toLowerCase(Locale.ROOT))) return s;
        return Subset.FULL;
    }

    /** {@code 2} → {@code 000/000002.mp3}. */
    public static String audioPath(int trackId) {
        String six = String.format(Locale.ROOT, "%06d", trackId);
        return six.substring(0, 3) + "/" + six + ".mp3";
    }

    private List<Track> attachAudio(List<Track> in, Path audioDir) throws IOException {
        if (!Files.isDirectory(audioDir)) throw new java.nio.file.NoSuchFileException(audioDir.toString(), null, "FMA audio folder not found");
        List<Track> out = new ArrayList<>(in.size());
        int missing = 0;
        for (Track t : in) {
            Path f = audioDir.resolve(audioPath(Integer.parseInt(t.id())));
            if (Files.isRegularFile(f)) {
                out.add(new Track(t.id(), f, t.label(), t.labels(), t.artist(), t.album(), t.durationSeconds(), t.split()));
            } else {
                if (missing++ < 20) warnings.add(f + ": track " + t.id() + " has no audio file");
                out.add(t);
            }
        }
        if (missing > 0) warnings.add(audioDir + ": " + missing + " of " + in.size() + " tracks have no audio file");
        return out;
    }

    private List<Track> readTracksCsv(Path csv, Subset subset) throws IOException {
        List<Track> list = new ArrayList<>();
        try (CsvReader in = CsvReader.open(csv)) {
            List<String> groupRow = in.next(), fieldRow = in.next(), idRow = in.next();
            if (groupRow == null || fieldRow == null || idRow == null || !idRow.get(0).strip().equals("track_id")) {
                throw new IOException(csv + ": FMA tracks.csv must have three header rows (group, field, track_id)");
            }
            List<String> names = new ArrayList<>();
            String group = "";
            for (int c = 0; c < fieldRow.size(); c++) {
                String g = c < groupRow.size() ? groupRow.get(c).strip() : "";
                if (!g.isEmpty()) group = g;
                names.add(group + "." + fieldRow.get(c).strip());
            }
            CsvHeader h = new CsvHeader(names);
            int top = h.find("track.genre_top"), gen = h.find("track.genres"), all = h.find("track.genres_all"),
                    split = h.find("set.split"), sub = h.find("set.subset"), artist = h.find("artist.id"),
                    album = h.find("album.id"), dur = h.find("track.duration");
            if (top < 0 || split < 0 || sub < 0) {
                throw new IOException(csv + ": tracks.csv lacks track.genre_top, set.split or set.subset");
            }
            List<String> row;
            while (true) {
                if ((row = in.next()) == null) break;
                long line = in.line();
                String s = CsvHeader.get(row, sub);
                if (!subset.contains(s)) continue;
                String id = row.get(0).strip();
                if (!INT.matcher(id).matches()) throw new IOException(csv + ":" + line + ": track_id '" + id + "' is not a number");
                List<Integer> gs = ints(CsvHeader.get(row, all >= 0 ? all : gen));
                if (all < 0) gs = withAncestors(gs);
                String d = CsvHeader.get(row, dur);
                list.add(new Track(id, null, CsvHeader.get(row, top), titles(gs), CsvHeader.get(row, artist),
                        CsvHeader.get(row, album), subset == Subset.FULL && d != null ? Double.parseDouble(d) : Double.NaN,
                        Splits.normalizePart(CsvHeader.get(row, split))));
            }
        }
        return list;
    }

    private List<Track> readRawTracks(Path csv) throws IOException {
        List<Track> list = new ArrayList<>();
        try (CsvReader in = CsvReader.open(csv)) {
            List<String> header = in.next();
            if (header == null) throw new IOException(csv + ": empty");
            CsvHeader h = new CsvHeader(header);
            int id = h.find("track_id"), gen = h.find("track_genres"), artist = h.find("artist_id"),
                    album = h.find("album_id"), dur = h.find("track_duration");
            if (id < 0 || gen < 0) throw new IOException(csv + ": raw_tracks.csv needs track_id and track_genres");
            List<String> row;
            while (true) {
                if ((row = in.next()) == null) break;
                long line = in.line();
                if (row.size() != header.size()) {
                    warnings.add(csv + ":" + line + ": " + row.size() + " fields, header has " + header.size() + "; skipped");
                    continue;
                }
                String tid = row.get(id).strip();
                if (!INT.matcher(tid).matches()) {
                    warnings.add(csv + ":" + line + ": track_id '" + tid + "' is not a number; skipped");
                    continue;
                }
                List<Integer> direct = new ArrayList<>();
                String g = CsvHeader.get(row, gen);
                if (g != null) {
                    Matcher m = GENRE_ID.matcher(g);
                    while (m.find()) direct.add(Integer.parseInt(m.group(1)));
                }
                Set<Integer> tops = genres.topLevels(direct);
                String label = tops.size() == 1 ? genres.title(tops.iterator().next()) : null;
                list.add(new Track(tid, null, label, titles(withAncestors(direct)), CsvHeader.get(row, artist),
                        CsvHeader.get(row, album), parseDuration(CsvHeader.get(row, dur)), null));
            }
        }
        return list;
    }

    private List<Integer> withAncestors(List<Integer> gs) {
        LinkedHashSet<Integer> s = new LinkedHashSet<>();
        for (int g : gs) s.addAll(genres.withAncestors(g));
        return new ArrayList<>(s);
    }

    private List<String> titles(List<Integer> gs) {
        List<String> t = new ArrayList<>();
        for (int g : gs) {
            String x = genres.title(g);
            if (x != null && !t.contains(x)) t.add(x);
        }
        return t;
    }

    private static List<Integer> ints(String list) {
        List<Integer> out = new ArrayList<>();
        if (list == null) return out;
        Matcher m = INT.matcher(list);
        while (m.find()) out.add(Integer.parseInt(m.group()));
        return out;
    }

    /** {@code 168} or {@code 02:48} or {@code 1:02:48} → seconds; NaN when blank or malformed. */
    static double parseDuration(String s) {
        if (s == null) return Double.NaN;
        try {
            String[] p = s.strip().split(":");
            double sec = 0;
            for (String x : p) sec = sec * 60 + Double.parseDouble(x);
            return sec;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** fma_small/medium/large hold 30 s clips (some shorter: a known FMA fault); fma_full whole tracks. */
    @Override
    public double nominalSeconds() {
        return subset == Subset.FULL ? Double.NaN : 30;
    }

    public Subset subset() {
        return subset;
    }

    public FmaGenres genres() {
        return genres;
    }

    /** True when the metadata has FMA's official train/validation/test split (tracks.csv). */
    public boolean hasOfficialSplit() {
        return hasOfficialSplit;
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
