package org.genrekit.models.bundle;

/** Constants of the model bundle file format (a zip with {@code manifest.json}). */
public final class BundleFormat {
    /** Bumped when a reader of the previous version could not read the new files. */
    public static final int VERSION = 1;
    public static final String MAGIC = "genrekit-model-bundle";
    public static final String MANIFEST = "manifest.json";
    /** Conventional file extension. */
    public static final String EXTENSION = ".gkm";

    private BundleFormat() {
    }
}
