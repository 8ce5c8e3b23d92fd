package org.genrekit.core.hash;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * SHA-256 and its lowercase hex form, the one way Genrekit fingerprints bytes (bundle entries,
 * weights files, training data, cache keys). Static helpers hash whole inputs; an instance hashes
 * a stream of chunks (a download, selected ranges of a file).
 */
public final class Sha256 {
    /** Bytes in a digest. */
    public static final int BYTES = 32;
    private static final HexFormat HEX = HexFormat.of();
    private static final int BUFFER = 1 << 16;

    private final MessageDigest md;

    private Sha256() {
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e); // every Java SE platform must have it
        }
    }

    /** An incremental digest. */
    public static Sha256 start() {
        return new Sha256();
    }

    public Sha256 update(byte[] b) {
        md.update(b);
        return this;
    }

    public Sha256 update(byte[] b, int off, int len) {
        md.update(b, off, len);
        return this;
    }

    /** Consumes {@code buf}'s remaining bytes. */
    public Sha256 update(ByteBuffer buf) {
        md.update(buf);
        return this;
    }

    /** The UTF-8 bytes of {@code s}. */
    public Sha256 update(String s) {
        md.update(s.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    /** The digest of everything so far; the instance starts over. */
    public byte[] digest() {
        return md.digest();
    }

    /** {@link #digest} as lowercase hex. */
    public String hex() {
        return toHex(md.digest());
    }

    public static byte[] of(byte[] data) {
        return start().update(data).digest();
    }

    /** Lowercase hex SHA-256 of {@code data}. */
    public static String hexOf(byte[] data) {
        return toHex(of(data));
    }

    /** Lowercase hex SHA-256 of the UTF-8 bytes of {@code s}. */
    public static String hexOf(String s) {
        return start().update(s).hex();
    }

    /** Lowercase hex SHA-256 of what {@code in} holds up to its end (not closed). */
    public static String hexOf(InputStream in) throws IOException {
        Sha256 h = start();
        byte[] buf = new byte[BUFFER];
        for (int r; (r = in.read(buf)) >= 0; ) h.update(buf, 0, r);
        return h.hex();
    }

    /** Lowercase hex SHA-256 of {@code file}'s content, streamed. */
    public static String hexOf(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return hexOf(in);
        }
    }

    /** Lowercase hex of {@code bytes}. */
    public static String toHex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }

    /** Lowercase hex of {@code bytes[from, to)}: a shortened digest for names and keys. */
    public static String toHex(byte[] bytes, int from, int to) {
        return HEX.formatHex(bytes, from, to);
    }

    /**
     * The bytes of hexadecimal text (either case).
     *
     * @throws IllegalArgumentException when {@code hex} has an odd length or a non-hex character
     */
    public static byte[] fromHex(String hex) {
        Objects.requireNonNull(hex, "hex");
        if (hex.length() % 2 != 0) throw new IllegalArgumentException("hex text must have an even length, got " + hex.length() + " characters");
        for (int i = 0; i < hex.length(); i++) {
            if (Character.digit(hex.charAt(i), 16) < 0) {
                throw new IllegalArgumentException("hex text has a non-hex character '" + hex.charAt(i) + "' at index " + i);
            }
        }
        return HEX.parseHex(hex);
    }

    /** Whether {@code s} is a SHA-256 in lowercase hex (64 digits). */
    public static boolean isHex(String s) {
        return s != null && s.length() == 2 * BYTES && s.chars().allMatch(c -> c >= '0' && c <= '9' || c >= 'a' && c <= 'f');
    }
}
