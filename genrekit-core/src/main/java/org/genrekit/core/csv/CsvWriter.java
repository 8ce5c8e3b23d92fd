package org.genrekit.core.csv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * CSV records as RFC 4180 writes them, ended by {@code \n}: a field with a comma, quote or line
 * break is quoted, quotes doubled and line breaks kept (a file name may hold one: writing it as a
 * space would name another file). {@link CsvReader} reads them back.
 */
public final class CsvWriter {
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator('\n').get();

    private CsvWriter() {
    }

    /** One record without its line end; a null field is empty. */
    public static String line(List<String> fields) {
        StringBuilder sb = new StringBuilder();
        try (CSVPrinter p = new CSVPrinter(sb, FORMAT)) {
            for (String f : fields) p.print(f == null ? "" : f);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringBuilder does not fail
        }
        return sb.toString();
    }

    /** One field as it appears in a record (quoted when it needs it); null is empty. */
    public static String field(String s) {
        if (s == null || s.isEmpty()) return "";
        return line(List.of(s));
    }

    /** Appends {@code fields} and a line end to {@code out}. */
    public static void append(Appendable out, List<String> fields) throws IOException {
        out.append(line(fields)).append('\n');
    }
}
