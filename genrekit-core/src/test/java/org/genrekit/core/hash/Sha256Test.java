package org.genrekit.core.hash;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Sha256Test {
    /** FIPS 180-2 test vector for "abc". */
    private static final String ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
    private static final String EMPTY = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    @Test
    void knownVectors() {
        assertEquals(ABC, Sha256.hexOf("abc".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(ABC, Sha256.hexOf("abc"));
        assertEquals(EMPTY, Sha256.hexOf(new byte[0]));
    }

    @Test
    void bytesStreamFileAndChunksAgree(@TempDir Path dir) throws IOException {
        byte[] data = new byte[300_001]; // more than one read buffer, not a multiple of it
        new Random(7).nextBytes(data);
        String expected = Sha256.hexOf(data);
        assertEquals(expected, Sha256.hexOf(new ByteArrayInputStream(data)));
        assertEquals(expected, Sha256.hexOf(Files.write(dir.resolve("f"), data)));
        Sha256 h = Sha256.start().update(data, 0, 1000).update(ByteBuffer.wrap(data, 1000, 99_000));
        h.update(java.util.Arrays.copyOfRange(data, 100_000, data.length));
        assertEquals(expected, h.hex());
    }

    @Test
    void hexRoundTrip() {
        byte[] b = Sha256.of("abc".getBytes(StandardCharsets.US_ASCII));
        assertArrayEquals(b, Sha256.fromHex(ABC));
        assertArrayEquals(b, Sha256.fromHex(ABC.toUpperCase()));
        assertEquals(ABC.substring(0, 8), Sha256.toHex(b, 0, 4));
    }

    @Test
    void badHexIsRefusedWithTheReason() {
        assertEquals("hex text must have an even length, got 3 characters",
                assertThrows(IllegalArgumentException.class, () -> Sha256.fromHex("abc")).getMessage());
        assertEquals("hex text has a non-hex character 'g' at index 1",
                assertThrows(IllegalArgumentException.class, () -> Sha256.fromHex("0g")).getMessage());
    }

    @Test
    void isHexWantsSixtyFourLowercaseDigits() {
        assertTrue(Sha256.isHex(ABC));
        assertFalse(Sha256.isHex(ABC.toUpperCase()));
        assertFalse(Sha256.isHex(ABC.substring(1)));
        assertFalse(Sha256.isHex(null));
    }
}
