package org.genrekit.backbone.store;

import java.util.Locale;
import org.genrekit.core.hash.Sha256;

/** The expected SHA-256 of a weights file, and the one message for a file that is not the expected one. */
public final class Checksums {
    private Checksums() {
    }

    /**
     * A user-given checksum in canonical form (lowercase), or the spec's when {@code given} is null.
     *
     * @throws IllegalArgumentException when {@code given} is not 64 hexadecimal digits
     */
    public static String expected(BackboneSpec spec, String given) {
        if (given == null) return spec.sha256();
        String s = given.strip().toLowerCase(Locale.ROOT);
        if (!Sha256.isHex(s)) throw new IllegalArgumentException("--sha256 must be 64 hexadecimal digits, got '" + given + "'");
        return s;
    }

    /** The one-line refusal of a file whose checksum is {@code actual}. */
    public static String mismatch(BackboneSpec spec, String expected, String actual) {
        String head = "checksum mismatch: expected " + expected + ", got " + actual + "; ";
        if (expected.equals(spec.sha256())) {
            return head + "this is not the published " + spec.name() + " weights file " + spec.fileName()
                    + " (pass --sha256 for another trusted copy, e.g. an .npz: the published checksum is for the .pt only)";
        }
        return head + "the file is not the copy --sha256 names (damaged or incomplete?)";
    }
}
