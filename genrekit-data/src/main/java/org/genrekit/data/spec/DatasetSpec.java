package org.genrekit.data.spec;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.genrekit.core.csv.CsvReader;
import org.genrekit.data.UnusableDataException;
import org.genrekit.data.source.GtzanSource;
import org.genrekit.data.source.ManifestSource;
import org.genrekit.data.source.MediaFiles;
import org.genrekit.data.table.FeatureTables;

/**
 * A parsed dataset spec: {@code [KIND:]LOCATION[?KEY=VALUE&KEY=VALUE...]}.
 * <ul>
 *   <li>KIND: {@code gtzan}, {@code fma}, {@code folder}, {@code manifest}, {@code table}, {@code images};
 *       without one it is inferred: a directory is a folder per genre ({@code gtzan} when it looks like
 *       GTZAN), a {@code .csv} with a {@code filename} column and numeric columns (or FMA's 3-row
 *       header) is a feature table, a {@code .csv} with a {@code path} column a manifest; a file ending
 *       in {@code .spec} holds the spec text itself (comment lines {@code #}, lines joined with {@code &}).</li>
 *   <li>Options are listed in {@link #KNOWN_OPTIONS}; an unknown key is an error (a typo must not be ignored).</li>
 * </ul>
 *
 * @param text     the spec as given
 * @param kind     the source kind, resolved
 * @param location the path
 * @param options  the options, in order (immutable)
 */
public record DatasetSpec(String text, Kind kind, Path location, Map<String, String> options) {
    public enum Kind { GTZAN, FMA, FOLDER, MANIFEST, TABLE, IMAGES;
        public String prefix() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Every option key a spec may carry. */
    public static final Set<String> KNOWN_OPTIONS = Set.of(
            "audio", "subset", "meta", // fma (meta: FMA metadata for a features.csv table)
            "split", "valid", "test", "seed", "k", "fold", "group", "train", // splits
            "segments", "crops", // segmenting after the split
            "genres", // selection
            "artists"); // artists=FILE.csv: an artist per track id (cross-validation groups)

    public DatasetSpec {
        options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
    }

    /** Parses {@code text}; files are looked at (to infer the kind) but not read beyond a CSV's header. */
    public static DatasetSpec parse(String text) throws IOException {
        if (text == null || text.isBlank()) throw new IllegalArgumentException("empty dataset spec");
        String t = text.strip();
        if (t.endsWith(".spec") && !t.contains("?") && Files.isRegularFile(Path.of(t))) {
            DatasetSpec inFile = parseText(readSpecFile(Path.of(t)), Path.of(t).toAbsolutePath().getParent());
            return new DatasetSpec(t, inFile.kind(), inFile.location(), inFile.options());
        }
        return parseText(t, null);
    }

    /** Options whose values are paths (test/valid only when not a fraction); in a .spec file they are relative to the file's folder. */
    private static boolean isPathOption(String key, String value) {
        return switch (key) {
            case "audio", "meta", "train", "artists" -> true;
            case "test", "valid" -> !isNumber(value);
            default -> false;
        };
    }

    private static String stripOptions(String t) {
        int q = t.indexOf('?');
        return q < 0 ? t : t.substring(0, q);
    }

    private static DatasetSpec parseText(String t, Path base) throws IOException {
        String text = t;
        Kind kind = null;
        int colon = t.indexOf(':');
        if (colon > 1) {
            String prefix = t.substring(0, colon).toLowerCase(Locale.ROOT);
            for (Kind k : Kind.values()) {
                if (k.prefix().equals(prefix)) {
                    kind = k;
                    t = t.substring(colon + 1);
                    break;
                }
            }
            // "gtzn:/data" is a mistyped kind, not a file named so: say which kinds there are
            if (kind == null && prefix.matches("[a-z][a-z0-9_-]*") && !Files.exists(Path.of(stripOptions(t)))) {
                throw new IllegalArgumentException("unknown dataset kind '" + prefix + ":' in '" + text + "'; known: "
                        + String.join(", ", java.util.Arrays.stream(Kind.values()).map(k -> k.prefix() + ":").toList()));
            }
        }
        Map<String, String> opts = new LinkedHashMap<>();
        int q = t.indexOf('?');
        String loc = q < 0 ? t : t.substring(0, q);
        if (q >= 0) {
            for (String kv : t.substring(q + 1).split("&")) {
                if (kv.isBlank()) continue;
                int eq = kv.indexOf('=');
                if (eq <= 0) throw new IllegalArgumentException("dataset spec option '" + kv + "' is not key=value in '" + text + "'");
                String key = kv.substring(0, eq).strip().toLowerCase(Locale.ROOT);
                if (!KNOWN_OPTIONS.contains(key)) {
                    throw new IllegalArgumentException("unknown dataset spec option '" + key + "' in '" + text
                            + "'; known: " + new java.util.TreeSet<>(KNOWN_OPTIONS));
                }
                if (opts.put(key, URLDecoder.decode(kv.substring(eq + 1).strip(), StandardCharsets.UTF_8)) != null) {
                    throw new IllegalArgumentException("dataset spec option '" + key + "' given twice in '" + text + "'");
                }
            }
        }
        if (loc.isBlank()) throw new IllegalArgumentException("dataset spec '" + text + "' names no location");
        Path location = Path.of(loc.strip());
        if (base != null) {
            // a .spec file's relative paths mean "beside this file", wherever the command runs
            location = base.resolve(location).normalize();
            for (var e : opts.entrySet()) {
                if (isPathOption(e.getKey(), e.getValue())) e.setValue(base.resolve(e.getValue()).normalize().toString());
            }
        }
        if (!Files.exists(location)) throw new java.nio.file.NoSuchFileException(location.toString(), null, "dataset not found (spec '" + text + "')");
        if (kind == null) kind = infer(location);
        return new DatasetSpec(text.strip(), kind, location, opts);
    }

    private static boolean isNumber(String v) {
        try {
            Double.parseDouble(v);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String readSpecFile(Path file) throws IOException {
        List<String> parts = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String s = line.strip();
            if (!s.isEmpty() && !s.startsWith("#")) parts.add(s);
        }
        if (parts.isEmpty()) throw new UnusableDataException(file + ": empty spec file");
        StringBuilder sb = new StringBuilder(parts.get(0));
        for (int i = 1; i < parts.size(); i++) sb.append(sb.indexOf("?") < 0 ? '?' : '&').append(parts.get(i));
        return sb.toString();
    }

    /** The kind of an untyped location. */
    static Kind infer(Path location) throws IOException {
        if (Files.isDirectory(location)) {
            if (Files.isRegularFile(location.resolve("genres.csv"))
                    && (Files.isRegularFile(location.resolve("tracks.csv")) || Files.isRegularFile(location.resolve("raw_tracks.csv")))) {
                return Kind.FMA;
            }
            if (!MediaFiles.any(location, MediaFiles.AUDIO) && MediaFiles.any(location, MediaFiles.IMAGES)) return Kind.IMAGES;
            return GtzanSource.looksLike(location) ? Kind.GTZAN : Kind.FOLDER;
        }
        String n = location.getFileName().toString().toLowerCase(Locale.ROOT);
        if (n.endsWith(".csv")) {
            List<String> header;
            try (CsvReader c = CsvReader.open(location)) {
                header = c.next();
            }
            if (header == null) throw new UnusableDataException(location + ": empty CSV");
            boolean filename = header.stream().anyMatch(h -> h.strip().equalsIgnoreCase("filename"));
            if ((filename || header.get(0).strip().equalsIgnoreCase("feature")) && FeatureTables.looksLikeTable(header)) return Kind.TABLE;
            if (ManifestSource.looksLike(header)) return Kind.MANIFEST;
            if (n.equals("tracks.csv") || n.startsWith("raw_tracks")) return Kind.FMA;
            if (FeatureTables.looksLikeTable(header)) return Kind.TABLE;
            throw new UnusableDataException(location + ": a CSV spec needs a 'path' column (manifest) or 'filename' + feature columns (feature table); header is " + header);
        }
        throw new UnusableDataException(location + ": not a dataset (a directory, a .csv, or KIND:PATH)");
    }

    public String option(String key) {
        return options.get(key);
    }

    public String option(String key, String fallback) {
        return options.getOrDefault(key, fallback);
    }

    public double doubleOption(String key, double fallback) {
        String v = options.get(key);
        if (v == null) return fallback;
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("dataset spec option " + key + "=" + v + " is not a number");
        }
    }

    public long longOption(String key, long fallback) {
        String v = options.get(key);
        if (v == null) return fallback;
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("dataset spec option " + key + "=" + v + " is not an integer");
        }
    }

    /** Whether the source is audio (as opposed to a feature table or images). */
    public boolean isAudio() {
        return kind != Kind.TABLE && kind != Kind.IMAGES;
    }

    /** Canonical text: {@code kind:location?k=v&...}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(kind.prefix()).append(':').append(location);
        char sep = '?';
        for (var e : options.entrySet()) {
            sb.append(sep).append(e.getKey()).append('=').append(e.getValue());
            sep = '&';
        }
        return sb.toString();
    }
}
