package org.genrekit.core.provenance;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Where a model bundle (classical, ensemble or deep) came from: the Genrekit and Java versions that
 * made it, when, the library versions, the git commit when the build knew it, and details of the
 * kind of model (data, seed, architecture, ...). One key set is written ({@link #toMap}); the keys
 * of bundles written before it ({@code genrekit}/{@code date}/{@code java}, libraries as one
 * string) are still read ({@link #fromMap}).
 *
 * @param genrekitVersion e.g. {@code 0.1.0-SNAPSHOT}; null only when an old bundle lacks it
 * @param created         when the bundle was made; null only when an old bundle lacks it
 * @param javaVersion     {@link Runtime#version()} of the maker; null when unknown
 * @param libraries       library name to version
 * @param gitCommit       the build's commit, or null
 * @param details         further JSON-friendly fields, in order; none may use a key of the fields above
 */
public record Provenance(String genrekitVersion, Instant created, String javaVersion, Map<String, String> libraries,
                         String gitCommit, Map<String, Object> details) {
    public static final String GENREKIT_VERSION = "genrekit_version";
    public static final String CREATED = "created";
    public static final String JAVA_VERSION = "java_version";
    public static final String LIBRARIES = "libraries";
    public static final String GIT_COMMIT = "git_commit";
    private static final Set<String> KEYS = Set.of(GENREKIT_VERSION, CREATED, JAVA_VERSION, LIBRARIES, GIT_COMMIT);
    /** Keys of bundles written before this record: classical wrote genrekit_version/date/java, deep genrekit/created. */
    private static final String OLD_GENREKIT = "genrekit";
    private static final String OLD_DATE = "date";
    private static final String OLD_JAVA = "java";
    private static final Set<String> OLD_KEYS = Set.of(OLD_GENREKIT, OLD_DATE, OLD_JAVA);

    public Provenance {
        libraries = Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNull(libraries, "libraries")));
        Objects.requireNonNull(details, "details");
        for (String k : details.keySet()) {
            if (KEYS.contains(k)) throw new IllegalArgumentException("provenance detail '" + k + "' would hide the field of that name");
        }
        details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    /** The provenance of something made now by this build, with {@code details}. */
    public static Provenance now(Map<String, ?> details) {
        Versions v = Versions.built();
        return new Provenance(v.genrekit(), Instant.now().truncatedTo(ChronoUnit.SECONDS), Runtime.version().toString(),
                v.libraries(), v.gitCommit(), new LinkedHashMap<>(details));
    }

    /** JSON-friendly fields for a manifest: the five fields first (git_commit only when known), then the details. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        if (genrekitVersion != null) m.put(GENREKIT_VERSION, genrekitVersion);
        if (created != null) m.put(CREATED, created.toString());
        if (javaVersion != null) m.put(JAVA_VERSION, javaVersion);
        m.put(LIBRARIES, new LinkedHashMap<>(libraries));
        if (gitCommit != null) m.put(GIT_COMMIT, gitCommit);
        m.putAll(details);
        return m;
    }

    /**
     * Reads what {@link #toMap} wrote, or the provenance of an older bundle (its keys mapped to
     * these fields). Absent fields are null (libraries: empty); unknown keys become details.
     */
    public static Provenance fromMap(Map<?, ?> m) {
        Objects.requireNonNull(m, "m");
        String genrekit = text(m, GENREKIT_VERSION, OLD_GENREKIT);
        String created = text(m, CREATED, OLD_DATE);
        Map<String, String> libs = new TreeMap<>();
        Object l = m.get(LIBRARIES);
        if (l instanceof Map<?, ?> lm) {
            lm.forEach((k, v) -> libs.put(String.valueOf(k), String.valueOf(v)));
        } else if (l instanceof String s) {
            // old classical bundles: "smile 6.3.0, xgboost4j 3.0.4"
            for (String part : s.split(",")) {
                String p = part.strip();
                int sp = p.lastIndexOf(' ');
                if (sp > 0) libs.put(p.substring(0, sp).strip(), p.substring(sp + 1));
            }
        }
        Map<String, Object> details = new LinkedHashMap<>();
        m.forEach((k, v) -> {
            String key = String.valueOf(k);
            if (!KEYS.contains(key) && !OLD_KEYS.contains(key)) details.put(key, v);
        });
        return new Provenance(genrekit, created == null ? null : instant(created), text(m, JAVA_VERSION, OLD_JAVA), libs,
                text(m, GIT_COMMIT, GIT_COMMIT), details);
    }

    /** {@code genrekitVersion+created}, the version string shown for a bundle; "unknown" when neither is known. */
    public String label() {
        if (genrekitVersion == null && created == null) return "unknown";
        return genrekitVersion + "+" + created;
    }

    private static String text(Map<?, ?> m, String key, String oldKey) {
        Object v = m.containsKey(key) ? m.get(key) : m.get(oldKey);
        return v == null ? null : String.valueOf(v);
    }

    private static Instant instant(String s) {
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("provenance '" + CREATED + "' is not an ISO-8601 instant: '" + s + "'", e);
        }
    }
}
