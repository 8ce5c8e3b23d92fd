package org.genrekit.serve;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Streams a request body (raw audio, or multipart with the audio in field {@code file}) into a
 * private temporary file, refusing with 413 as soon as it passes the upload limit. The file is
 * deleted again if anything goes wrong while receiving.
 */
final class UploadReceiver {
    static final String FILE_FIELD = "file";
    /** Text fields the API understands; their values are small. */
    static final Set<String> TEXT_FIELDS = ClassifyRequest.FIELDS;
    private static final int MAX_FIELD_BYTES = 1024;
    /** Room for multipart headers and text fields on top of the audio limit. */
    private static final long MULTIPART_OVERHEAD = 64 * 1024;

    private final Path tempDir;
    private final long maxBytes;

    UploadReceiver(Path tempDir, long maxBytes) {
        this.tempDir = tempDir;
        this.maxBytes = maxBytes;
    }

    /**
     * Checks the declared length before anything is read: an honest client that sends too much
     * learns it at once and the body is never stored.
     */
    void checkDeclaredLength(long contentLength, boolean multipart) {
        long allowed = multipart ? maxBytes + MULTIPART_OVERHEAD : maxBytes;
        if (contentLength > allowed) {
            throw new ApiException(413, "too_large", "upload of " + contentLength + " bytes is larger than the limit of " + Limits.bytes(maxBytes));
        }
    }

    Upload receive(InputStream body, String contentType) throws IOException {
        boolean multipart = contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/");
        if (multipart && !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            throw new ApiException(415, "unsupported_media_type", "multipart uploads must be multipart/form-data, got " + contentType);
        }
        Path file = Files.createTempFile(tempDir, "genrekit-upload-", ".bin",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            Upload upload = multipart ? receiveMultipart(body, contentType, file) : receiveRaw(body, file);
            if (upload.bytes() == 0) {
                throw new ApiException(400, "empty_body", multipart ? "multipart field 'file' is empty" : "request body is empty; send the audio file as the body or as multipart field 'file'");
            }
            return upload;
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    private Upload receiveRaw(InputStream body, Path file) throws IOException {
        LimitedInputStream in = new LimitedInputStream(body, maxBytes, "upload");
        try (OutputStream out = Files.newOutputStream(file)) {
            in.transferTo(out);
        }
        return new Upload(file, in.count(), null, Map.of());
    }

    private Upload receiveMultipart(InputStream body, String contentType, Path file) throws IOException {
        MultipartReader reader = new MultipartReader(
                new LimitedInputStream(body, maxBytes + MULTIPART_OVERHEAD, "upload"), MultipartReader.boundary(contentType));
        Map<String, String> fields = new HashMap<>();
        Set<String> seen = new LinkedHashSet<>();
        long bytes = -1;
        String filename = null;
        MultipartReader.PartHeaders part;
        while ((part = reader.next()) != null) {
            seen.add(part.name());
            if (part.name().equals(FILE_FIELD)) {
                if (bytes >= 0) throw new ApiException(400, "bad_field", "multipart field 'file' was sent more than once; send one file per request");
                try (OutputStream out = Files.newOutputStream(file)) {
                    bytes = reader.copyBody(out, maxBytes, "field 'file'");
                }
                filename = part.filename();
            } else if (TEXT_FIELDS.contains(part.name())) {
                var text = new java.io.ByteArrayOutputStream();
                reader.copyBody(text, MAX_FIELD_BYTES, "field '" + part.name() + "'");
                fields.put(part.name(), text.toString(StandardCharsets.UTF_8).trim());
            } else {
                // Unknown fields are read past (within the overall limit) and named if no file came.
                reader.copyBody(OutputStream.nullOutputStream(), maxBytes, "field '" + part.name() + "'");
            }
        }
        if (bytes < 0) {
            throw new ApiException(400, "missing_file", "multipart upload has no field 'file'"
                    + (seen.isEmpty() ? "" : "; fields received: " + String.join(", ", seen)));
        }
        return new Upload(file, bytes, filename, fields);
    }
}
