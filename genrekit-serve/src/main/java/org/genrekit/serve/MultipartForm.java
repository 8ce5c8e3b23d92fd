package org.genrekit.serve;

import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionException;
import org.eclipse.jetty.ee10.servlet.ServletMultiPartFormData;
import org.eclipse.jetty.http.MultiPart;

/**
 * A {@code multipart/form-data} upload parsed by Jetty's multipart parser, with the audio in field
 * {@code file}. Jetty reads the body through our stream (paced and counted) rather than straight
 * from the connection: Javalin's {@code ctx.uploadedFiles()} would read it unpaced, and a slow
 * multipart client could then hold its upload slot for as long as the idle timeout allows.
 */
final class MultipartForm {
    static final String FILE_FIELD = "file";
    /** Text fields the API understands; their values are small. */
    static final Set<String> TEXT_FIELDS = Set.of("model", "segments", "spectrogram");
    static final int MAX_FIELD_BYTES = 1024;
    /** Room for multipart headers and text fields on top of the audio limit. */
    static final long OVERHEAD = 64 * 1024;
    /** Parts up to this size stay in memory (text fields); larger ones go to a file in the temp directory. */
    private static final int IN_MEMORY_BYTES = 16 * 1024;
    private static final String JETTY_CONFIG_ATTRIBUTE = "org.eclipse.jetty.multipartConfig";

    private final MultipartConfigElement config;
    private final long maxBytes;

    MultipartForm(Path tempDir, long maxBytes) {
        this.maxBytes = maxBytes;
        this.config = new MultipartConfigElement(tempDir.toAbsolutePath().toString(), maxBytes, maxBytes + OVERHEAD, IN_MEMORY_BYTES);
    }

    /** A 400 unless the content type names a boundary Jetty accepts (1 to 70 characters). */
    static void checkBoundary(String contentType) {
        String boundary = MultiPart.extractBoundary(contentType);
        if (boundary == null || boundary.isEmpty() || boundary.length() > 70) {
            throw new ApiException(400, "bad_multipart", "multipart Content-Type has no valid boundary parameter");
        }
    }

    /**
     * Parses the form read from {@code body}, moves field {@code file} to {@code target} and
     * returns it with the text fields. Every other part Jetty stored is deleted.
     */
    Upload receive(HttpServletRequest request, InputStream body, Path target) throws IOException {
        checkBoundary(request.getContentType());
        EndAwareStream in = new EndAwareStream(body);
        request.setAttribute(JETTY_CONFIG_ATTRIBUTE, config);
        Collection<Part> parts = parse(new BodyOverride(request, in), in);
        Part kept = null;
        try {
            Part file = filePart(parts);
            Map<String, String> fields = textFields(parts);
            if (file.getSize() == 0) throw new ApiException(400, "empty_body", "multipart field 'file' is empty");
            // Jetty moves its temp file (or writes an in-memory part) over our private file.
            file.write(target.toAbsolutePath().toString());
            kept = file;
            return new Upload(target, file.getSize(), file.getSubmittedFileName(), fields);
        } finally {
            for (Part p : parts) {
                if (p != kept) p.delete();
            }
        }
    }

    private Collection<Part> parse(HttpServletRequest request, EndAwareStream in) throws IOException {
        try {
            return ServletMultiPartFormData.from(request).join().getParts();
        } catch (CompletionException e) {
            throw translate(e.getCause() == null ? e : e.getCause(), in.ended);
        }
    }

    /** Our own limits and pace come back as they were; Jetty's refusals become the API's errors. */
    private RuntimeException translate(Throwable cause, boolean bodyEnded) throws IOException {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof ApiException api) return api;
        }
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        // Jetty's wording (MultiPartFormData.Parser); a test pins each one.
        if (message.startsWith("max file size exceeded")) {
            // Jetty's limit holds for every part, and its message does not say which one.
            return new ApiException(413, "too_large", "a multipart field is larger than the limit of " + Limits.bytes(maxBytes));
        }
        if (message.startsWith("max length exceeded")) {
            return new ApiException(413, "too_large", "upload is larger than the limit of " + Limits.bytes(maxBytes + OVERHEAD));
        }
        // Reading failed before the body's end: the connection (client gone, idle timeout), which the route reports as such.
        if (!bodyEnded && cause instanceof IOException io) throw io;
        // Otherwise the parser refused what it read, or the whole body came and did not parse.
        return new ApiException(400, "bad_multipart", "malformed multipart body: " + message);
    }

    private static Part filePart(Collection<Part> parts) {
        Part file = null;
        Set<String> seen = new LinkedHashSet<>();
        for (Part p : parts) {
            seen.add(p.getName());
            if (!p.getName().equals(FILE_FIELD)) continue;
            if (file != null) throw new ApiException(400, "bad_field", "multipart field 'file' was sent more than once; send one file per request");
            file = p;
        }
        if (file == null) {
            // Unknown fields were read within the overall limit; naming them helps a client that misnamed 'file'.
            throw new ApiException(400, "missing_file", "multipart upload has no field 'file'"
                    + (seen.isEmpty() ? "" : "; fields received: " + String.join(", ", seen)));
        }
        return file;
    }

    private static Map<String, String> textFields(Collection<Part> parts) throws IOException {
        Map<String, String> fields = new HashMap<>();
        for (Part p : parts) {
            if (!TEXT_FIELDS.contains(p.getName())) continue;
            if (p.getSize() > MAX_FIELD_BYTES) {
                throw new ApiException(413, "too_large", "field '" + p.getName() + "' is larger than the limit of " + Limits.bytes(MAX_FIELD_BYTES));
            }
            try (InputStream value = p.getInputStream()) {
                fields.put(p.getName(), new String(value.readAllBytes(), StandardCharsets.UTF_8).trim());
            }
        }
        return fields;
    }

    /** Remembers whether the body reached its end: a parse failure after it is the client's form. */
    private static final class EndAwareStream extends ServletInputStream {
        private final InputStream in;
        private boolean ended;

        EndAwareStream(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b < 0) ended = true;
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = in.read(buf, off, len);
            if (n < 0) ended = true;
            return n;
        }

        @Override
        public boolean isFinished() {
            return ended;
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
            throw new UnsupportedOperationException("uploads are read blocking");
        }
    }

    /** The request with its body replaced: Jetty reads a wrapped request through getInputStream(). */
    private static final class BodyOverride extends HttpServletRequestWrapper {
        private final ServletInputStream body;

        BodyOverride(HttpServletRequest request, ServletInputStream body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            return body;
        }
    }
}
