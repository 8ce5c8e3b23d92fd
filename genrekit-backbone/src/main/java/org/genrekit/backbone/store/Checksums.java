package org.genrekit.backbone.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/** SHA-256 of weights files, and the one message for a file that is not the expected one. */
public final class Checksums {
    private Checksums() {
    }

    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /** Streams {@code file} through SHA-256; lowercase hex. */
    public static String sha256(Path file) throws IOException {
        MessageDigest md = sha256();
        byte[] buf = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int r; (r = in.read(buf)) > 0; ) md.update(buf, 0, r);
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /**
     * A user-given checksum in canonical form (lowercase), or the spec's when {@code given} is null.
     *
     * @throws IllegalArgumentException when {@code given} is not 64 hexadecimal digits
     */
    public static String expected(BackboneSpec spec, String given) {
        if (given == null) return spec.sha256();
        String s = given.strip().toLowerCase(Locale.ROOT);
        if (!s.matches("[0-9a-f]{64}")) throw new IllegalArgumentException("--sha256 must be 64 hexadecimal digits, got '" + given + "'");
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
