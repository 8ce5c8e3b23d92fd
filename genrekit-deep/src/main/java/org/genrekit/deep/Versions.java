package org.genrekit.deep;

/** The Genrekit version recorded in bundles. */
public final class Versions {
    private Versions() {
    }

    public static String genrekit() {
        String v = Versions.class.getPackage().getImplementationVersion();
        return v != null ? v : "0.1.0-SNAPSHOT";
    }
}
