package org.genrekit.core.provenance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Genrekit's version, its git commit when the build knew it, and the versions of the libraries it
 * was built with, from {@code genrekit-versions.properties} that Maven fills in from the root pom:
 * written once, never typed into code.
 */
public final class Versions {
    private static final String RESOURCE = "genrekit-versions.properties";
    private static final String GENREKIT = "genrekit";
    private static final String COMMIT = "git.commit";
    private static final Versions BUILT = load();

    private final String genrekit;
    private final String gitCommit;
    private final Map<String, String> libraries;

    private Versions(String genrekit, String gitCommit, Map<String, String> libraries) {
        this.genrekit = genrekit;
        this.gitCommit = gitCommit;
        this.libraries = libraries;
    }

    /** The versions this build was made with. */
    public static Versions built() {
        return BUILT;
    }

    /** Genrekit's version, e.g. {@code 0.1.0-SNAPSHOT}. */
    public String genrekit() {
        return genrekit;
    }

    /** The git commit of the build, or null when the build was not told it. */
    public String gitCommit() {
        return gitCommit;
    }

    /** Library name to version (smile, xgboost, djl, pytorch, ffmpeg, ...), sorted by name. */
    public Map<String, String> libraries() {
        return libraries;
    }

    private static Versions load() {
        Properties p = new Properties();
        try (InputStream in = Versions.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException(RESOURCE + " is missing from genrekit-core's jar; rebuild it");
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        String genrekit = p.getProperty(GENREKIT, "");
        // An unfiltered file (an IDE that skipped Maven's resource step) would record '${...}' in every bundle.
        if (genrekit.isBlank() || genrekit.startsWith("${")) {
            throw new IllegalStateException(RESOURCE + " was not filled in by the Maven build (genrekit=" + genrekit + ")");
        }
        String commit = p.getProperty(COMMIT, "").strip();
        Map<String, String> libs = new TreeMap<>();
        for (String k : p.stringPropertyNames()) {
            if (!k.equals(GENREKIT) && !k.equals(COMMIT)) libs.put(k, p.getProperty(k).strip());
        }
        return new Versions(genrekit, commit.isEmpty() || commit.startsWith("${") ? null : commit, Collections.unmodifiableMap(libs));
    }
}
