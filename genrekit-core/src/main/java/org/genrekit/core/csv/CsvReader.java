package org.genrekit.core.csv;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads RFC 4180 CSV records (quoted fields, doubled quotes, line breaks inside quotes, CRLF) with
 * Commons CSV, as plain lists: Genrekit's files have multi-row headers (FMA's tracks.csv) and
 * names that differ in case, so {@link CsvHeader} looks columns up. Blank lines are skipped; a
 * leading byte-order mark is dropped. A malformed record is an IOException naming the source and
 * line.
 */
public final class CsvReader implements AutoCloseable {
    /** Empty lines come back as records of one empty field, skipped here, so that line numbers stay exact. */
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();
    private static final char BOM = '\uFEFF';
    /** Above this, a file is taken as UTF-8 without decoding it twice (FMA's features.csv is ~1 GB of ASCII). */
    private static final long CHARSET_CHECK_MAX_BYTES = 64L << 20;

    private final String source;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private long line;
    private boolean first = true;

    /**
     * @param in     the text; closed with this reader
     * @param source how errors name it (a file name)
     */
    public CsvReader(Reader in, String source) throws IOException {
        this.source = Objects.requireNonNull(source, "source");
        this.parser = CSVParser.builder().setReader(Objects.requireNonNull(in, "in")).setFormat(FORMAT).get();
        this.records = parser.iterator();
    }

    /** Opens a UTF-8 file; when it is not valid UTF-8 (FMA's raw_tracks excerpt is cp1252), as windows-1252. */
    public static CsvReader open(Path file) throws IOException {
        Reader r = new BufferedReader(new InputStreamReader(Files.newInputStream(file), detectCharset(file)), 1 << 16);
        try {
            return new CsvReader(r, file.toString());
        } catch (IOException | RuntimeException e) {
            r.close();
            throw e;
        }
    }

    /** Every record of {@code file}. */
    public static List<List<String>> readAll(Path file) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        try (CsvReader in = open(file)) {
            for (List<String> r; (r = in.next()) != null; ) rows.add(r);
        }
        return rows;
    }

    /** UTF-8 unless the file's bytes are not valid UTF-8, then windows-1252 (which decodes every byte). */
    public static Charset detectCharset(Path file) throws IOException {
        if (Files.size(file) > CHARSET_CHECK_MAX_BYTES) return StandardCharsets.UTF_8;
        var dec = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        try (InputStream is = Files.newInputStream(file); Reader r = new InputStreamReader(is, dec)) {
            char[] b = new char[1 << 16];
            while (r.read(b) >= 0) {
                // decoding the whole file is the only sure test
            }
            return StandardCharsets.UTF_8;
        } catch (CharacterCodingException e) {
            return Charset.forName("windows-1252");
        }
    }

    /**
     * The next record, or null at the end.
     *
     * @throws IOException naming the source and line when the text is not valid CSV
     */
    public List<String> next() throws IOException {
        while (true) {
            // Commons CSV counts the line breaks it has consumed: the next record starts on the line after them.
            long start = parser.getCurrentLineNumber() + 1;
            CSVRecord rec;
            try {
                if (!records.hasNext()) return null;
                rec = records.next();
            } catch (UncheckedIOException e) {
                throw new IOException(source + ":" + start + ": malformed CSV record: " + e.getCause().getMessage(), e.getCause());
            } catch (IllegalStateException e) {
                throw new IOException(source + ":" + start + ": malformed CSV record: " + e.getMessage(), e);
            }
            List<String> fields = rec.toList();
            if (fields.size() == 1 && fields.get(0).isEmpty()) continue;
            if (first && !fields.get(0).isEmpty() && fields.get(0).charAt(0) == BOM) {
                fields = new ArrayList<>(fields);
                fields.set(0, fields.get(0).substring(1));
            }
            first = false;
            line = start;
            return fields;
        }
    }

    /** The line (1-based) on which the record last returned by {@link #next} starts; for error messages. */
    public long line() {
        return line;
    }

    /** How errors name the input. */
    public String source() {
        return source;
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}
