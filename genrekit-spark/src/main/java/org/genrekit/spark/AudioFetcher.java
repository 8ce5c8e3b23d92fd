package org.genrekit.spark;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;

/**
 * Makes a file on any Hadoop file system (file:, hdfs:, s3a:, ...) readable by FFmpeg on this
 * executor: local files are used where they are, others are copied to a local temporary file that
 * is deleted when the returned handle is closed.
 */
final class AudioFetcher {
    private final Configuration conf;
    private final Path tmpDir;

    AudioFetcher(Configuration conf, Path tmpDir) {
        this.conf = conf;
        this.tmpDir = tmpDir;
    }

    /** A local copy of {@code uri}; close it when done. */
    Local fetch(String path) throws IOException {
        // Hadoop's Path parses its own spelling ("file:/a b.mp3", unescaped) into a proper URI
        org.apache.hadoop.fs.Path hp = new org.apache.hadoop.fs.Path(path);
        URI u = hp.toUri();
        if (u.getScheme() == null || u.getScheme().equals("file")) {
            return new Local(Path.of(u.getPath()), false);
        }
        String name = hp.getName();
        int dot = name.lastIndexOf('.');
        // the extension helps FFmpeg pick a demuxer for formats without a clear signature
        Path local = Files.createTempFile(tmpDir, "genrekit-", dot < 0 ? "" : name.substring(dot));
        FileSystem fs = FileSystem.get(u, conf); // cached per scheme and authority: one S3A/HDFS client per executor
        try (InputStream in = fs.open(hp)) {
            Files.copy(in, local, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(local);
            throw e;
        }
        return new Local(local, true);
    }

    /** A local file, deleted on close when it is a temporary copy. */
    record Local(Path path, boolean temporary) implements Closeable {
        @Override
        public void close() throws IOException {
            if (temporary) Files.deleteIfExists(path);
        }
    }
}
