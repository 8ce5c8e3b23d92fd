package org.genrekit.serve;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * An upload held in a temporary file for the time of one request, plus the small form fields
 * that came with it. Closing deletes the file; nothing a client sends outlives its request.
 *
 * @param file     the audio bytes
 * @param bytes    their number
 * @param filename the client's name for the file, or null
 * @param fields   other (text) form fields, e.g. model, segments
 */
public record Upload(Path file, long bytes, String filename, Map<String, String> fields) implements AutoCloseable {
    public Upload {
        fields = Map.copyOf(fields);
    }

    @Override
    public void close() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            System.getLogger(Upload.class.getName()).log(System.Logger.Level.WARNING, "could not delete upload " + file + ": " + e.getMessage());
        }
    }
}
