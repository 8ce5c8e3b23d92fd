package org.genrekit.serve;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A streaming reader of {@code multipart/form-data} (RFC 7578): parts are handed out one at a time
 * and their bodies copied straight to a sink, so an upload is never held in memory whole. Malformed
 * bodies give 400 errors.
 */
final class MultipartReader {
    /** One part's headers. */
    record PartHeaders(String name, String filename, String contentType) {
    }

    private static final int MAX_HEADER_BYTES = 16 * 1024;
    private final InputStream in;
    private final byte[] delimiter;
    private byte[] buf = new byte[64 * 1024];
    private int pos;
    private int end;
    private boolean eof;
    private boolean finished;
    private boolean started;

    MultipartReader(InputStream in, String boundary) {
        this.in = in;
        this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        // The first boundary has no CRLF before it; pretending one was there lets one search rule
        // find every boundary.
        buf[0] = '\r';
        buf[1] = '\n';
        end = 2;
    }

    /** The boundary parameter of a multipart Content-Type, or a 400 when it has none. */
    static String boundary(String contentType) {
        for (String param : contentType.split(";")) {
            String p = param.trim();
            if (p.regionMatches(true, 0, "boundary=", 0, 9)) {
                String b = unquote(p.substring(9).trim());
                if (!b.isEmpty() && b.length() <= 70) return b;
            }
        }
        throw new ApiException(400, "bad_multipart", "multipart Content-Type has no valid boundary parameter");
    }

    /** Moves to the next part and reads its headers; null after the last part. */
    PartHeaders next() throws IOException {
        if (finished) return null;
        if (!started) {
            started = true;
            if (copyUntilDelimiter(OutputStream.nullOutputStream(), MAX_HEADER_BYTES) < 0) { // the preamble
                throw new ApiException(400, "bad_multipart", "no multipart boundary in the first " + MAX_HEADER_BYTES + " bytes");
            }
        }
        // After a delimiter: "--" ends the body; otherwise optional padding, then CRLF.
        if (!fill(2)) throw truncated();
        if (buf[pos] == '-' && buf[pos + 1] == '-') {
            finished = true;
            return null;
        }
        while (true) {
            if (!fill(1)) throw truncated();
            if (buf[pos] == ' ' || buf[pos] == '\t') pos++;
            else break;
        }
        if (!fill(2) || buf[pos] != '\r' || buf[pos + 1] != '\n') {
            throw new ApiException(400, "bad_multipart", "multipart boundary is not followed by a line break");
        }
        pos += 2;
        return parseHeaders(readHeaderBlock());
    }

    /**
     * Copies the current part's body to {@code sink}; more than {@code limit} bytes raise a 413
     * naming {@code what}. Returns the number of bytes copied.
     */
    long copyBody(OutputStream sink, long limit, String what) throws IOException {
        long n = copyUntilDelimiter(sink, limit);
        if (n < 0) throw new ApiException(413, "too_large", what + " is larger than the limit of " + Limits.bytes(limit));
        return n;
    }

    private long copyUntilDelimiter(OutputStream sink, long limit) throws IOException {
        long copied = 0;
        while (true) {
            int found = indexOf(delimiter, pos, end);
            if (found >= 0) {
                copied += found - pos;
                if (copied > limit) return -1;
                sink.write(buf, pos, found - pos);
                pos = found + delimiter.length;
                return copied;
            }
            // Keep the tail that could be the start of a delimiter split across reads.
            int safe = Math.max(pos, end - delimiter.length + 1);
            copied += safe - pos;
            if (copied > limit) return -1;
            sink.write(buf, pos, safe - pos);
            pos = safe;
            if (eof) throw truncated();
            readMore();
        }
    }

    private byte[] readHeaderBlock() throws IOException {
        while (true) {
            int found = indexOf(new byte[] {'\r', '\n', '\r', '\n'}, pos, end);
            if (found >= 0) {
                byte[] block = java.util.Arrays.copyOfRange(buf, pos, found);
                pos = found + 4;
                return block;
            }
            if (end - pos > MAX_HEADER_BYTES) throw new ApiException(400, "bad_multipart", "multipart part headers are longer than " + MAX_HEADER_BYTES + " bytes");
            if (eof) throw truncated();
            readMore();
        }
    }

    private static PartHeaders parseHeaders(byte[] block) {
        String name = null;
        String filename = null;
        String type = null;
        for (String line : new String(block, StandardCharsets.UTF_8).split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon < 0) continue;
            String key = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).trim();
            if (key.equals("content-disposition")) {
                Map<String, String> params = dispositionParams(value);
                name = params.get("name");
                filename = params.get("filename");
            } else if (key.equals("content-type")) {
                type = value;
            }
        }
        if (name == null) throw new ApiException(400, "bad_multipart", "a multipart part has no Content-Disposition name");
        return new PartHeaders(name, filename, type);
    }

    private static Map<String, String> dispositionParams(String value) {
        Map<String, String> out = new LinkedHashMap<>();
        int i = value.indexOf(';');
        while (i >= 0 && i < value.length()) {
            int eq = value.indexOf('=', i);
            if (eq < 0) break;
            String key = value.substring(i + 1, eq).trim().toLowerCase(Locale.ROOT);
            int j = eq + 1;
            String v;
            if (j < value.length() && value.charAt(j) == '"') {
                StringBuilder sb = new StringBuilder();
                j++;
                while (j < value.length() && value.charAt(j) != '"') {
                    if (value.charAt(j) == '\\' && j + 1 < value.length()) j++;
                    sb.append(value.charAt(j++));
                }
                v = sb.toString();
                i = value.indexOf(';', j);
            } else {
                int semi = value.indexOf(';', j);
                v = (semi < 0 ? value.substring(j) : value.substring(j, semi)).trim();
                i = semi;
            }
            out.putIfAbsent(key, v);
        }
        return out;
    }

    private static String unquote(String s) {
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }

    private int indexOf(byte[] needle, int from, int to) {
        outer:
        for (int i = from; i <= to - needle.length; i++) {
            for (int k = 0; k < needle.length; k++) if (buf[i + k] != needle[k]) continue outer;
            return i;
        }
        return -1;
    }

    /** Makes at least {@code n} unread bytes available; false at end of stream. */
    private boolean fill(int n) throws IOException {
        while (end - pos < n) {
            if (eof) return false;
            readMore();
        }
        return true;
    }

    private void readMore() throws IOException {
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, end - pos);
            end -= pos;
            pos = 0;
        }
        if (end == buf.length) buf = java.util.Arrays.copyOf(buf, buf.length * 2);
        int n = in.read(buf, end, buf.length - end);
        if (n < 0) eof = true;
        else end += n;
    }

    private static ApiException truncated() {
        return new ApiException(400, "bad_multipart", "multipart body ends before its closing boundary");
    }
}
