package org.genrekit.batch.tags;

import java.util.Locale;

/** What to do with a file that already carries a genre. */
public enum TagPolicy {
    /** Leave a file with a genre alone; only files without one get the prediction. */
    KEEP,
    /** Write the prediction in place of whatever genre is there. */
    REPLACE,
    /** Add the prediction after the genres already there (unless it is one of them). */
    APPEND;

    public static TagPolicy parse(String s) {
        for (TagPolicy p : values()) if (p.name().equalsIgnoreCase(s.strip())) return p;
        throw new IllegalArgumentException("tag policy must be keep, replace or append, got '" + s + "'");
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
