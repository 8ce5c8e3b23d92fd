package org.genrekit.core.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvReaderTest {
    private static List<List<String>> all(String text) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        try (CsvReader r = new CsvReader(new StringReader(text), "t.csv")) {
            for (List<String> rec; (rec = r.next()) != null; ) rows.add(rec);
        }
        return rows;
    }

    @Test
    void quotedFieldsDoubledQuotesAndLineBreaks() throws IOException {
        assertEquals(List.of(List.of("a", "b,c", "say \"hi\"", "two\nlines", "")),
                all("a,\"b,c\",\"say \"\"hi\"\"\",\"two\nlines\",\n"));
    }

    @Test
    void crlfBlankLinesAndBomAreHandled() throws IOException {
        assertEquals(List.of(List.of("id", "x"), List.of("1", "2"), List.of("3", "4")), all("\uFEFFid,x\r\n1,2\r\n\r\n3,4"));
    }

    @Test
    void lineIsWhereTheRecordStarts() throws IOException {
        try (CsvReader r = new CsvReader(new StringReader("h\n\"a\nb\"\n\nc\n"), "t.csv")) {
            r.next();
            assertEquals(1, r.line());
            assertEquals(List.of("a\nb"), r.next());
            assertEquals(2, r.line());
            assertEquals(List.of("c"), r.next());
            assertEquals(5, r.line());
            assertNull(r.next());
        }
    }

    @Test
    void malformedRecordNamesSourceAndLine() {
        IOException e = assertThrows(IOException.class, () -> all("a,b\n1,2\n\"x\"y,3\n"));
        assertTrue(e.getMessage().startsWith("t.csv:3: malformed CSV record: "), e.getMessage());
        IOException open = assertThrows(IOException.class, () -> all("a\n\"never closed\n"));
        assertTrue(open.getMessage().startsWith("t.csv:2: "), open.getMessage());
    }

    @Test
    void fmaMultiRowHeaderReadsAsPlainRecords(@TempDir Path dir) throws IOException {
        Path f = Files.writeString(dir.resolve("tracks.csv"), """
                ,album,track,track
                ,title,genre_top,title
                track_id,,,
                2,"AWOL, live",Hip-Hop,"Food
                (remix)"
                """);
        List<List<String>> rows = CsvReader.readAll(f);
        assertEquals(4, rows.size());
        assertEquals(List.of("track_id", "", "", ""), rows.get(2));
        assertEquals(List.of("2", "AWOL, live", "Hip-Hop", "Food\n(remix)"), rows.get(3));
    }

    @Test
    void notUtf8IsReadAsWindows1252(@TempDir Path dir) throws IOException {
        Path f = Files.write(dir.resolve("raw.csv"), "name\nBeyonc\u00e9\n".getBytes(Charset.forName("windows-1252")));
        assertEquals(Charset.forName("windows-1252"), CsvReader.detectCharset(f));
        assertEquals(List.of("Beyonc\u00e9"), CsvReader.readAll(f).get(1));
        Path u = Files.writeString(dir.resolve("utf8.csv"), "name\nBeyonc\u00e9\n", StandardCharsets.UTF_8);
        assertEquals(StandardCharsets.UTF_8, CsvReader.detectCharset(u));
    }

    @Test
    void headerLooksUpByNameIgnoringCase() {
        CsvHeader h = new CsvHeader(List.of("Filename", " label ", "label"));
        assertEquals(0, h.find("filename"));
        assertEquals(1, h.find("genre", "LABEL"));
        assertEquals(-1, h.find("artist"));
        assertEquals("x", CsvHeader.get(List.of("a", " x "), 1));
        assertNull(CsvHeader.get(List.of("a", "  "), 1));
        assertNull(CsvHeader.get(List.of("a"), 3));
    }

    @Test
    void writerOutputReadsBack() throws IOException {
        List<String> fields = List.of("plain", "a,b", "q\"uote", "new\nline", "cr\rlf", "");
        String line = CsvWriter.line(fields);
        assertEquals("plain,\"a,b\",\"q\"\"uote\",\"new\nline\",\"cr\rlf\",", line);
        assertEquals(List.of(fields), all(line + "\n"));
        assertEquals("\"a,b\"", CsvWriter.field("a,b"));
        assertEquals("", CsvWriter.field(null));
        StringBuilder sb = new StringBuilder();
        CsvWriter.append(sb, java.util.Arrays.asList("x", null));
        assertEquals("x,\n", sb.toString());
    }
}
