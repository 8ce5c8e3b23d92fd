package org.genrekit.batch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.genrekit.core.csv.CsvReader;
import org.genrekit.data.source.ManifestSource;

/**
 * The batch items of a file list, streamed line by line. Two forms:
 * <ul>
 *   <li>CSV with a header that has a {@code path} (or {@code file}, {@code filename}, {@code audio})
 *       column and optionally an {@code id} (or {@code track_id}) column: every dataset manifest
 *       ({@link ManifestSource}) is one, read here for its paths only;</li>
 *   <li>a plain list ({@code .txt}, {@code .m3u}, {@code .m3u8}): one path per line, {@code #} lines skipped.</li>
 * </ul>
 * Relative paths are resolved against the list's folder.
 */
public final class FileListItems implements ItemSource {
    // The dataset manifest's names (so every manifest genrekit-data reads works here too), plus
    // two more spellings common in hand-made lists.
    private static final List<String> PATH_COLUMNS = Stream.concat(
            ManifestSource.PATH_COLUMNS.stream(), Stream.of("filename", "audio_path")).toList();
    private static final List<String> ID_COLUMNS = ManifestSource.ID_COLUMNS;

    private final Path list;
    private final boolean csv;

    public FileListItems(Path list) {
        if (!Files.isRegularFile(list)) throw new IllegalArgumentException("file list not found: " + list);
        this.list = list.toAbsolutePath().normalize();
        this.csv = list.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv");
    }

    @Override
    public String name() {
        return "file list " + list;
    }

    @Override
    public Stream<BatchItem> open() throws IOException {
        Path base = list.getParent();
        if (!csv) {
            Stream<String> lines = Files.lines(list, StandardCharsets.UTF_8);
            return lines.map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .map(l -> item(base, null, l));
        }
        // RFC 4180 records: a quoted path may hold a comma or a line break.
        CsvReader records = new CsvReader(Files.newBufferedReader(list, StandardCharsets.UTF_8), list.toString());
        try {
            List<String> raw = records.next();
            List<String> header = (raw == null ? List.<String>of() : raw).stream().map(x -> x.strip().toLowerCase(Locale.ROOT)).toList();
            int pathCol = firstIndex(header, PATH_COLUMNS);
            if (pathCol < 0) {
                throw new IllegalArgumentException(list + ": a CSV file list needs a column named one of " + PATH_COLUMNS
                        + ", header is " + header);
            }
            int idCol = firstIndex(header, ID_COLUMNS);
            Iterator<BatchItem> it = new Iterator<>() {
                private List<String> next = read();

                private List<String> read() {
                    try {
                        List<String> f = records.next();
                        long line = records.line();
                        if (f != null && pathCol >= f.size()) {
                            throw new IllegalArgumentException(list + ": record at line " + line + " has no path column: " + f);
                        }
                        return f;
                    } catch (IOException e) {
                        throw new UncheckedIOException(e.getMessage(), e); // it names the list and line
                    }
                }

                @Override
                public boolean hasNext() {
                    return next != null;
                }

                @Override
                public BatchItem next() {
                    if (next == null) throw new NoSuchElementException();
                    List<String> f = next;
                    next = read();
                    String id = idCol >= 0 && idCol < f.size() && !f.get(idCol).isBlank() ? f.get(idCol).strip() : null;
                    return item(base, id, f.get(pathCol).strip());
                }
            };
            return StreamSupport.stream(Spliterators.spliteratorUnknownSize(it, Spliterator.ORDERED | Spliterator.NONNULL), false)
                    .onClose(() -> {
                        try {
                            records.close();
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
        } catch (IOException | RuntimeException e) {
            records.close();
            throw e;
        }
    }

    private static BatchItem item(Path base, String id, String path) {
        Path p = base.resolve(path);
        return new BatchItem(id != null ? id : ItemIds.of(p), p);
    }

    private static int firstIndex(List<String> header, List<String> names) {
        for (String n : names) {
            int i = header.indexOf(n);
            if (i >= 0) return i;
        }
        return -1;
    }
}
