package org.genrekit.evaluation;

import java.util.List;
import java.util.stream.Collectors;

/** CSV lines (RFC 4180): a cell with a comma, quote or line break is quoted, its quotes doubled. */
public final class CsvRows {
    private CsvRows() {
    }

    public static String line(List<String> cells) {
        return cells.stream().map(CsvRows::cell).collect(Collectors.joining(",")) + "\n";
    }

    static String cell(String s) {
        if (s == null) return "";
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) return s;
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
