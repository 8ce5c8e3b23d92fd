package org.genrekit.serve;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MultipartReaderTest {
    /** Hands out one byte per read, so every boundary straddles buffer refills. */
    static InputStream trickle(byte[] b) {
        return new FilterInputStream(new java.io.ByteArrayInputStream(b)) {
            @Override
            public int read(byte[] buf, int off, int len) throws IOException {
                return super.read(buf, off, Math.min(1, len));
            }
        };
    }

    @Test
    void readsPartsWhateverTheReadSizes() throws IOException {
        String body = "preamble to ignore\r\n--XyZ\r\nContent-Disposition: form-data; name=\"model\"\r\n\r\nfast\r\n"
                + "--XyZ  \r\nContent-Disposition: form-data; name=\"file\"; filename=\"a \\\"b\\\".mp3\"\r\nContent-Type: audio/mpeg\r\n\r\n"
                + "AB\r\n--XyCD\r\n--X\r\n\r\n--XyZ--\r\nepilogue";
        for (boolean slow : new boolean[] {false, true}) {
            byte[] bytes = body.getBytes(StandardCharsets.ISO_8859_1);
            MultipartReader r = new MultipartReader(slow ? trickle(bytes) : new java.io.ByteArrayInputStream(bytes), "XyZ");
            MultipartReader.PartHeaders p1 = r.next();
            assertEquals("model", p1.name());
            assertNull(p1.filename());
            var out = new ByteArrayOutputStream();
            r.copyBody(out, 100, "model");
            assertEquals("fast", out.toString(StandardCharsets.ISO_8859_1));
            MultipartReader.PartHeaders p2 = r.next();
            assertEquals("file", p2.name());
            assertEquals("a \"b\".mp3", p2.filename());
            assertEquals("audio/mpeg", p2.contentType());
            out.reset();
            assertEquals(17, r.copyBody(out, 100, "file"));
            assertEquals("AB\r\n--XyCD\r\n--X\r\n", out.toString(StandardCharsets.ISO_8859_1));
            assertNull(r.next());
            assertNull(r.next());
        }
    }

    @Test
    void oversizedPartAndMissingEndAreErrors() throws IOException {
        byte[] body = "--b\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\n0123456789\r\n--b--\r\n".getBytes(StandardCharsets.ISO_8859_1);
        MultipartReader r = new MultipartReader(new java.io.ByteArrayInputStream(body), "b");
        r.next();
        ApiException e = assertThrows(ApiException.class, () -> r.copyBody(OutputStreamHolder.NULL, 9, "field 'file'"));
        assertEquals(413, e.status());
        assertEquals("field 'file' is larger than the limit of 9 bytes", e.detail());

        byte[] cut = "--b\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\n0123".getBytes(StandardCharsets.ISO_8859_1);
        MultipartReader r2 = new MultipartReader(new java.io.ByteArrayInputStream(cut), "b");
        r2.next();
        ApiException e2 = assertThrows(ApiException.class, () -> r2.copyBody(OutputStreamHolder.NULL, 100, "file"));
        assertEquals("bad_multipart", e2.error());
    }

    @Test
    void boundaryIsTakenFromContentType() {
        assertEquals("abc", MultipartReader.boundary("multipart/form-data; boundary=abc"));
        assertEquals("a b", MultipartReader.boundary("multipart/form-data; charset=utf-8; BOUNDARY=\"a b\""));
        assertThrows(ApiException.class, () -> MultipartReader.boundary("multipart/form-data"));
    }

    private static final class OutputStreamHolder {
        static final java.io.OutputStream NULL = java.io.OutputStream.nullOutputStream();
    }
}
