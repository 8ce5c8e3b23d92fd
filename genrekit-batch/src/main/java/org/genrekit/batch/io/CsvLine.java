package org.genrekit.batch.io;

import java.util.ArrayList;
import java.util.List;

/**
 * CSV records as RFC 4180 writes them: fields with a comma, quote or line break are quoted, line
 * breaks kept (a file name may hold one: writing it as a space would name another file). Records
 * are read back with {@link org.genrekit.data.csv.Csv}, which reads quoted line breaks;
 * {@link #split} is for one physical line only.
 */
public final class CsvLine {
    private CsvLine() {
    }

    public static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        cur.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    cur.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        if (quoted) throw new IllegalArgumentException("unterminated quote in CSV line: " + line);
        out.add(cur.toString());
        return out;
    }

    /** Quotes a field when it holds a comma, quote or line break (kept as it is, inside the quotes). */
    public static String field(String s) {
        return org.genrekit.data.csv.Csv.quote(s);
    }

    public static String join(List<String> fields) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) sb.append(',');
            sb.append(field(fields.get(i)));
        }
        return sb.toString();
    }
}
