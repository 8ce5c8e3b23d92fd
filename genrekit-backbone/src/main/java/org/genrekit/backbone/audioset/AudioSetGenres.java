package org.genrekit.backbone.audioset;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** AudioSet's 50 music-genre classes ("Pop music" ... "Independent music") and their output indices. */
public final class AudioSetGenres {
    private static final List<Genre> ALL = load();

    /** One genre class: its index among the network's 527 outputs and its display name. */
    public record Genre(int index, String name) {
    }

    private AudioSetGenres() {
    }

    public static List<Genre> all() {
        return ALL;
    }

    public static List<String> names() {
        return ALL.stream().map(Genre::name).toList();
    }

    /** The class of that display name (exact, as AudioSet spells it). */
    public static Genre byName(String name) {
        for (Genre g : ALL) if (g.name().equals(name)) return g;
        throw new IllegalArgumentException("'" + name + "' is not one of AudioSet's 50 music genres (e.g. Rock music, Jazz, Hip hop music)");
    }

    private static List<Genre> load() {
        try (InputStream in = AudioSetGenres.class.getResourceAsStream("/org/genrekit/backbone/audioset-genres.tsv")) {
            if (in == null) throw new IllegalStateException("audioset-genres.tsv missing from the class path");
            List<Genre> out = new ArrayList<>();
            for (String line : new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList()) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] f = line.split("\t");
                out.add(new Genre(Integer.parseInt(f[0]), f[1]));
            }
            return List.copyOf(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
