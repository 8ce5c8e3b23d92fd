package org.genrekit.data.source;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.genrekit.core.csv.CsvHeader;
import org.genrekit.core.csv.CsvReader;

/** FMA's genre tree from {@code genres.csv} ({@code genre_id,#tracks,parent,title,top_level}). */
public final class FmaGenres {
    /** One genre; {@code parent} 0 for a root, {@code topLevel} its root's id. */
    public record Genre(int id, String title, int parent, int topLevel, int tracks) {
    }

    private final Map<Integer, Genre> byId;

    private FmaGenres(Map<Integer, Genre> byId) {
        this.byId = Map.copyOf(byId);
    }

    public static FmaGenres read(Path genresCsv) throws IOException {
        List<List<String>> rows = CsvReader.readAll(genresCsv);
        if (rows.isEmpty()) throw new IOException(genresCsv + ": empty");
        CsvHeader h = new CsvHeader(rows.get(0));
        int id = h.find("genre_id"), parent = h.find("parent", "genre_parent_id"), title = h.find("title", "genre_title"),
                top = h.find("top_level"), n = h.find("#tracks");
        if (id < 0 || parent < 0 || title < 0) {
            throw new IOException(genresCsv + ": FMA genres.csv needs genre_id, parent, title; header is " + h.names());
        }
        Map<Integer, Genre> m = new HashMap<>();
        for (int r = 1; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            try {
                int gid = Integer.parseInt(CsvHeader.get(row, id));
                String p = CsvHeader.get(row, parent);
                String t = CsvHeader.get(row, top);
                String c = CsvHeader.get(row, n);
                m.put(gid, new Genre(gid, CsvHeader.get(row, title), p == null ? 0 : Integer.parseInt(p),
                        t == null ? -1 : Integer.parseInt(t), c == null ? 0 : Integer.parseInt(c)));
            } catch (RuntimeException e) {
                throw new IOException(genresCsv + ": row " + (r + 1) + " is malformed: " + row, e);
            }
        }
        // raw_genres.csv has no top_level: derive it by walking up
        Map<Integer, Genre> fixed = new HashMap<>();
        for (Genre g : m.values()) {
            if (g.topLevel() >= 0) {
                fixed.put(g.id(), g);
                continue;
            }
            int cur = g.id();
            for (int guard = 0; guard < 64 && m.containsKey(cur) && m.get(cur).parent() != 0; guard++) cur = m.get(cur).parent();
            fixed.put(g.id(), new Genre(g.id(), g.title(), g.parent(), cur, g.tracks()));
        }
        return new FmaGenres(fixed);
    }

    public int size() {
        return byId.size();
    }

    public Genre get(int id) {
        return byId.get(id);
    }

    public String title(int id) {
        Genre g = byId.get(id);
        return g == null ? null : g.title();
    }

    /** The genre and its ancestors, the genre first. */
    public List<Integer> withAncestors(int id) {
        List<Integer> out = new ArrayList<>();
        Integer cur = id;
        while (cur != null && cur != 0 && byId.containsKey(cur) && !out.contains(cur)) {
            out.add(cur);
            cur = byId.get(cur).parent();
        }
        return out;
    }

    /** The top-level genres (ids) of a track with these genres. */
    public Set<Integer> topLevels(List<Integer> genres) {
        Set<Integer> s = new LinkedHashSet<>();
        for (int g : genres) {
            Genre x = byId.get(g);
            if (x != null) s.add(x.topLevel());
        }
        return s;
    }

    /** Root genres, by id. */
    public List<Genre> roots() {
        return byId.values().stream().filter(g -> g.parent() == 0).sorted(java.util.Comparator.comparingInt(Genre::id)).toList();
    }
}
