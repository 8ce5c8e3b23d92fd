package org.genrekit.serve;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import java.util.Map;

/**
 * Streams a request body (raw audio, or multipart with the audio in field {@code file}) into a
 * private temporary file, refusing with 413 as soon as it passes the upload limit. The file is
 * deleted again if anything goes wrong while receiving.
 */
final class UploadReceiver {
    private final Path tempDir;
    private final long maxBytes;
    private final MultipartForm form;

    UploadReceiver(Path tempDir, long maxBytes) {
        this.tempDir = tempDir;
        this.maxBytes = maxBytes;
        this.form = new MultipartForm(tempDir, maxBytes);
    }

    /**
     * Checks the declared length before anything is read: an honest client that sends too much
     * learns it at once and the body is never stored.
     */
    void checkDeclaredLength(long contentLength, boolean multipart) {
        long allowed = multipart ? maxBytes + MultipartForm.OVERHEAD : maxBytes;
        if (contentLength > allowed) {
            throw new ApiException(413, "too_large", "upload of " + contentLength + " bytes is larger than the limit of " + Limits.bytes(maxBytes));
        }
    }

    /** Receives {@code body}, the request's body stream as the caller paces it. */
    Upload receive(HttpServletRequest request, InputStream body) throws IOException {
        String contentType = request.getContentType();
        boolean multipart = contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/");
        if (multipart && !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            throw new ApiException(415, "unsupported_media_type", "multipart uploads must be multipart/form-data, got " + contentType);
        }
        Path file = Files.createTempFile(tempDir, "genrekit-upload-", ".bin",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            if (multipart) return form.receive(request, body, file);
            Upload upload = receiveRaw(body, file);
            if (upload.bytes() == 0) {
                throw new ApiException(400, "empty_body", "request body is empty; send the audio file as the body or as multipart field 'file'");
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
}
