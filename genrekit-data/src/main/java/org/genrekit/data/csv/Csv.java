package org.genrekit.data.csv;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A small RFC 4180 CSV reader (quoted fields, doubled quotes, newlines inside quotes, CRLF).
 * Written here because the data files are plain and a dependency would buy nothing.
 */
public final class Csv implements AutoCloseable {
    private final Reader in;
    private final char[] buf = new char[1 << 16];
    private int pos;
    private int len;
    private boolean eof;
    private long line = 1;
    private boolean first = true;

    public Csv(Reader in) {
        this.in = in;
    }

    /** Opens a UTF-8 file (BOM skipped); when it is not valid UTF-8 (FMA's raw_tracks excerpt is cp1252), as windows-1252. */
    public static Csv open(Path file) throws IOException {
        return new Csv(new BufferedReader(new InputStreamReader(Files.newInputStream(file),
                detectCharset(file)), 1 << 16));
    }

    /** UTF-8 unless the file's bytes are not valid UTF-8, then windows-1252 (which decodes every byte). */
    public static Charset detectCharset(Path file) throws IOException {
        // big files (FMA features.csv, ~1 GB) are UTF-8/ASCII; a second full pass would cost seconds
        if (Files.size(file) > (64L << 20)) return StandardCharsets.UTF_8;
        var dec = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        try (InputStream is = Files.newInputStream(file);
             Reader r = new InputStreamReader(is, dec)) {
            char[] b = new char[1 << 16];
            while (r.read(b) >= 0) {
                // decoding the whole file is the only sure test; files here are at most a few hundred MB
            }
            return StandardCharsets.UTF_8;
        } catch (CharacterCodingException e) {
            return Charset.forName("windows-1252");
        }
    }

    /** Reads all records of a file. */
    public static List<List<String>> readAll(Path file) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        try (Csv csv = open(file)) {
            List<String> r;
            while ((r = csv.next()) != null) rows.add(r);
        }
        return rows;
    }

    /** Line number (1-based) where the next record starts; for error messages. */
    public long line() {
        return line;
    }

    private int read() throws IOException {
        if (pos >= len) {
            if (eof) return -1;
            len = in.read(buf, 0, buf.length);
            pos = 0;
            if (len <= 0) {
                eof = true;
                len = 0;
                return -1;
            }
        }
        return buf[pos++];
    }

    private int peek() throws IOException {
        int c = read();
        if (c >= 0) pos--;
        return c;
    }

    /** The next record, or null at end of input. A blank line is an empty record (one empty field) and is skipped. */
    public List<String> next() throws IOException {
        while (true) {
            List<String> rec = nextRaw();
            if (rec == null) return null;
            if (rec.size() == 1 && rec.get(0).isEmpty()) continue;
            if (first && !rec.get(0).isEmpty() && rec.get(0).charAt(0) == '\uFEFF') {
                rec.set(0, rec.get(0).substring(1));
            }
            first = false;
            return rec;
        }
    }

    private List<String> nextRaw() throws IOException {
        int c = read();
        if (c < 0) return null;
        List<String> fields = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        while (true) {
            if (c < 0) {
                fields.add(sb.toString());
                return fields;
            }
            char ch = (char) c;
            if (quoted) {
                if (ch == '"') {
                    if (peek() == '"') {
                        read();
                        sb.append('"');
                    } else {
                        quoted = false;
                    }
                } else {
                    if (ch == '\n') line++;
                    sb.append(ch);
                }
            } else if (ch == ',') {
                fields.add(sb.toString());
                sb.setLength(0);
                wasQuoted = false;
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r' && peek() == '\n') read();
                line++;
                fields.add(sb.toString());
                return fields;
            } else if (ch == '"' && sb.isEmpty() && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
            } else {
                sb.append(ch);
            }
            c = read();
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** Quotes a field when it needs it. */
    public static String quote(String s) {
        if (s == null) return "";
        boolean needs = false;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == ',' || ch == '"' || ch == '\n' || ch == '\r') {
                needs = true;
                break;
            }
        }
        return needs ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }

    /** Joins fields into one CSV line (without line end). */
    public static String line(List<String> fields) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) sb.append(',');
            sb.append(quote(fields.get(i)));
        }
        return sb.toString();
    }
}
