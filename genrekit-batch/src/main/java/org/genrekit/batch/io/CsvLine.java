package org.genrekit.batch.io;

import java.util.ArrayList;
import java.util.List;

/**
 * One CSV record per line (RFC 4180 quoting, no line breaks inside fields): enough for manifests
 * and for our own result files, which never contain line breaks, and it lets both be streamed.
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

    /** Quotes a field when it holds a comma, quote or line break (line breaks become spaces: one record per line). */
    public static String field(String s) {
        if (s == null) return "";
        String v = s.replace('\n', ' ').replace('\r', ' ');
        if (v.indexOf(',') < 0 && v.indexOf('"') < 0) return v;
        return '"' + v.replace("\"", "\"\"") + '"';
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
