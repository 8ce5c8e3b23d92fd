package org.genrekit.data.table;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.genrekit.core.csv.CsvHeader;
import org.genrekit.core.csv.CsvReader;
import org.genrekit.data.TrackIds;
import org.genrekit.data.UnusableDataException;
import org.genrekit.data.VectorDataset;

/**
 * Reads published feature tables as {@link VectorDataset}s:
 * <ul>
 *   <li>the Kaggle GTZAN tables ({@code features_30_sec.csv}: {@code filename,length,...,label}; the
 *       3-second one, whose {@code blues.00000.3.wav} rows all get the track id {@code blues.00000});</li>
 *   <li>FMA's {@code features.csv} (three header rows {@code feature/statistics/number}, then
 *       {@code track_id}); columns become {@code feature.statistics.number};</li>
 *   <li>Genrekit's own {@code features extract} output (the Kaggle shape).</li>
 * </ul>
 * Known non-feature columns ({@code filename, relative_path, path, label, genre, split, artist, album, ...})
 * are not features; every other column must be numeric. A value that is not a finite number (empty,
 * {@code nan}, {@code inf}/{@code Infinity}, or one that overflows a float like {@code 1e308}) is
 * refused with the file, line and column unless the caller asks to keep it ({@link MissingValues}).
 */
public final class FeatureTables {
    /** Columns that describe a row rather than measure it. */
    public static final Set<String> META_COLUMNS = Set.of("filename", "relative_path", "path", "label", "genre",
            "split", "artist", "album", "track_id", "id", "clip_id", "group", "error", "reason");

    // Kaggle's 3-second table: <genre>.<5 digits>.<segment>.wav belongs to track <genre>.<5 digits>
    private static final Pattern SEGMENT_NAME = Pattern.compile("^([A-Za-z]+\\.\\d{5})\\.\\d+\\.[A-Za-z0-9]+$");

    private FeatureTables() {
    }

    /** Reads {@code csv}; throws an IOException naming the file, line and column for anything malformed or not finite. */
    public static VectorDataset read(Path csv) throws IOException {
        return read(csv, MissingValues.REFUSE);
    }

    /**
     * Reads {@code csv}; with {@link MissingValues#REFUSE} a non-finite value is an IOException
     * naming the file, line and column, otherwise it reads as NaN (impute it with {@link MedianImputer}).
     */
    public static VectorDataset read(Path csv, MissingValues missing) throws IOException {
        if (!Files.isRegularFile(csv)) throw new java.nio.file.NoSuchFileException(csv.toString(), null, "feature table not found");
        boolean strict = missing == MissingValues.REFUSE;
        try (CsvReader in = CsvReader.open(csv)) {
            List<String> first = in.next();
            if (first == null) throw new UnusableDataException(csv + ": empty feature table");
            if (first.get(0).strip().equalsIgnoreCase("feature")) return readFma(csv, in, first, strict);
            return readFlat(csv, in, new CsvHeader(first), strict);
        }
    }

    /** The header row of a flat table (FMA's: its first row), as written. */
    public static List<String> header(Path csv) throws IOException {
        try (CsvReader in = CsvReader.open(csv)) {
            List<String> first = in.next();
            return first == null ? List.of() : first.stream().map(String::strip).toList();
        }
    }

    /** Refuses a header that names a column twice: which of the two would be read is a guess. */
    private static void requireUniqueNames(Path csv, List<String> names) throws IOException {
        java.util.Map<String, Integer> first = new java.util.HashMap<>();
        for (int c = 0; c < names.size(); c++) {
            String key = names.get(c).strip().toLowerCase(Locale.ROOT);
            Integer before = first.putIfAbsent(key, c);
            if (before != null) {
                throw new UnusableDataException(csv + ": column '" + names.get(c).strip() + "' appears more than once (columns "
                        + (before + 1) + " and " + (c + 1) + "); column names must be unique");
            }
        }
    }

    /** True when the header row looks like a feature table (FMA's or one with {@code filename}/{@code track_id} and numeric columns). */
    public static boolean looksLikeTable(List<String> header) {
        if (header.isEmpty()) return false;
        if (header.get(0).strip().equalsIgnoreCase("feature")) return true;
        CsvHeader h = new CsvHeader(header);
        boolean key = h.has("filename") || h.has("track_id");
        long features = header.stream().filter(c -> !META_COLUMNS.contains(c.strip().toLowerCase(Locale.ROOT))).count();
        return key && features > 0;
    }

    private static VectorDataset readFma(Path csv, CsvReader in, List<String> feature, boolean strict) throws IOException {
        List<String> stats = in.next();
        List<String> number = in.next();
        List<String> trackIdRow = in.next();
        if (stats == null || number == null || trackIdRow == null
                || !stats.get(0).strip().equalsIgnoreCase("statistics") || !number.get(0).strip().equalsIgnoreCase("number")
                || !trackIdRow.get(0).strip().equalsIgnoreCase("track_id")) {
            throw new UnusableDataException(csv + ": FMA features.csv must start with rows 'feature', 'statistics', 'number', 'track_id'");
        }
        int n = feature.size();
        if (stats.size() != n || number.size() != n) throw new UnusableDataException(csv + ": FMA header rows differ in length");
        List<String> columns = new ArrayList<>(n - 1);
        for (int c = 1; c < n; c++) columns.add(feature.get(c).strip() + "." + stats.get(c).strip() + "." + number.get(c).strip());
        List<String> all = new ArrayList<>(columns);
        all.add(0, "track_id");
        requireUniqueNames(csv, all);
        List<String> ids = new ArrayList<>();
        List<float[]> rows = new ArrayList<>();
        List<String> rec;
        while (true) {
            if ((rec = in.next()) == null) break;
            long line = in.line();
            if (rec.size() != n) throw new UnusableDataException(csv + ":" + line + ": " + rec.size() + " fields, header has " + n);
            ids.add(rec.get(0).strip());
            float[] v = new float[n - 1];
            for (int c = 1; c < n; c++) v[c - 1] = parse(csv, line, columns.get(c - 1), rec.get(c), strict);
            rows.add(v);
        }
        List<String> labels = new ArrayList<>(java.util.Collections.nCopies(ids.size(), null));
        return new VectorDataset(ids, labels, columns, rows.toArray(new float[0][]), null);
    }

    private static VectorDataset readFlat(Path csv, CsvReader in, CsvHeader h, boolean strict) throws IOException {
        List<String> names = h.names();
        requireUniqueNames(csv, names);
        int idCol = h.find("filename", "track_id", "relative_path", "path", "id", "clip_id");
        if (idCol < 0) throw new UnusableDataException(csv + ": feature table needs a 'filename' or 'track_id' column; header is " + names);
        int labelCol = h.find("label", "genre");
        int groupCol = h.find("artist", "album", "group");
        List<Integer> featureCols = new ArrayList<>();
        List<String> columns = new ArrayList<>();
        for (int c = 0; c < names.size(); c++) {
            if (!META_COLUMNS.contains(names.get(c).strip().toLowerCase(Locale.ROOT))) {
                featureCols.add(c);
                columns.add(names.get(c).strip());
            }
        }
        if (columns.isEmpty()) throw new UnusableDataException(csv + ": no feature columns in header " + names);
        List<String> ids = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        List<String> groups = groupCol >= 0 ? new ArrayList<>() : null;
        List<float[]> rows = new ArrayList<>();
        List<String> rec;
        while (true) {
            if ((rec = in.next()) == null) break;
            long line = in.line();
            if (rec.size() != names.size()) {
                throw new UnusableDataException(csv + ":" + line + ": " + rec.size() + " fields, header has " + names.size());
            }
            ids.add(idOf(rec.get(idCol)));
            labels.add(CsvHeader.get(rec, labelCol));
            if (groups != null) groups.add(CsvHeader.get(rec, groupCol));
            float[] v = new float[featureCols.size()];
            for (int k = 0; k < v.length; k++) v[k] = parse(csv, line, columns.get(k), rec.get(featureCols.get(k)), strict);
            rows.add(v);
        }
        return new VectorDataset(ids, labels, columns, rows.toArray(new float[0][]), groups);
    }

    /** Track id of a table row's file name (segment rows of Kaggle's 3-second table map to their track). */
    public static String idOf(String filename) {
        String name = filename.strip();
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        Matcher m = SEGMENT_NAME.matcher(name.substring(slash + 1));
        return m.matches() ? m.group(1) : TrackIds.of(name);
    }

    /** A cell's value; a non-finite one is NaN, or (strict) an error naming file, line and column. */
    private static float parse(Path csv, long line, String column, String text, boolean strict) throws IOException {
        String s = text.strip();
        String word = s.toLowerCase(Locale.ROOT).replaceFirst("^[+-]", "");
        String problem;
        if (s.isEmpty()) {
            problem = "is empty";
        } else if (word.equals("nan")) {
            problem = "is NaN";
        } else if (word.equals("inf") || word.equals("infinity")) {
            problem = "is infinite ('" + s + "')";
        } else {
            float v;
            try {
                v = Float.parseFloat(s);
            } catch (NumberFormatException e) {
                throw new UnusableDataException(csv + ":" + line + ": column '" + column + "' is not a number: '" + s + "'");
            }
            if (Float.isFinite(v)) return v;
            problem = "overflows a 32-bit float ('" + s + "')";
        }
        if (strict) {
            throw new UnusableDataException(csv + ":" + line + ": column '" + column + "' " + problem
                    + "; fix the table, or impute column medians with --missing median (train, evaluate)");
        }
        return Float.NaN;
    }
}
