package org.genrekit.core.csv;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Column lookup by (case-insensitive, stripped) name in a header row; the first of equal names wins. */
public final class CsvHeader {
    private final List<String> names;
    private final Map<String, Integer> index = new HashMap<>();

    public CsvHeader(List<String> names) {
        this.names = List.copyOf(names);
        for (int i = 0; i < names.size(); i++) {
            index.putIfAbsent(names.get(i).strip().toLowerCase(Locale.ROOT), i);
        }
    }

    public List<String> names() {
        return names;
    }

    /** Index of the first of {@code candidates} present, or -1. */
    public int find(String... candidates) {
        for (String c : candidates) {
            Integer i = index.get(c.toLowerCase(Locale.ROOT));
            if (i != null) return i;
        }
        return -1;
    }

    public boolean has(String name) {
        return find(name) >= 0;
    }

    /** Field {@code col} of {@code row}, or null when the column is absent, the row short or the value blank. */
    public static String get(List<String> row, int col) {
        if (col < 0 || col >= row.size()) return null;
        String v = row.get(col).strip();
        return v.isEmpty() ? null : v;
    }
}
