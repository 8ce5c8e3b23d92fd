package org.genrekit.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AudioFetcherTest {
    /** A non-local Hadoop file system stand-in (scheme "gkt"), as S3A or HDFS look to the fetcher. */
    public static final class RemoteLikeFileSystem extends RawLocalFileSystem {
        @Override
        public URI getUri() {
            return URI.create("gkt:///");
        }

        @Override
        public String getScheme() {
            return "gkt";
        }
    }

    private static Configuration conf() {
        Configuration c = new Configuration(false);
        c.set("fs.gkt.impl", RemoteLikeFileSystem.class.getName());
        c.setBoolean("fs.gkt.impl.disable.cache", true);
        return c;
    }

    @Test
    void remotePathsAreCopiedToALocalTempFileThatIsDeletedOnClose(@TempDir Path tmp) throws IOException {
        Path remote = Files.createDirectories(tmp.resolve("bucket dir"));
        byte[] data = new byte[100_000];
        new java.util.Random(9).nextBytes(data);
        Files.write(remote.resolve("a track.mp3"), data);
        Path local = Files.createDirectories(tmp.resolve("local"));
        AudioFetcher f = new AudioFetcher(conf(), local);
        Path copy;
        try (AudioFetcher.Local l = f.fetch("gkt:" + remote.resolve("a track.mp3"))) {
            copy = l.path();
            assertTrue(l.temporary());
            assertEquals(local, copy.getParent());
            assertTrue(copy.getFileName().toString().endsWith(".mp3"), copy.toString());
            assertArrayEquals(data, Files.readAllBytes(copy));
        }
        assertFalse(Files.exists(copy), "temporary copy must be deleted");
    }

    @Test
    void localPathsAreUsedInPlaceAndMissingFilesFail(@TempDir Path tmp) throws IOException {
        Path file = Files.write(tmp.resolve("x y.wav"), new byte[] {1, 2, 3});
        AudioFetcher f = new AudioFetcher(conf(), tmp);
        try (AudioFetcher.Local l = f.fetch("file:" + file)) {
            assertFalse(l.temporary());
            assertEquals(file, l.path());
        }
        assertTrue(Files.exists(file), "a local file is never deleted");
        assertThrows(IOException.class, () -> f.fetch("gkt:" + tmp.resolve("missing.mp3")));
        try (var s = Files.list(tmp)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().startsWith("genrekit-")), "no temp left after a failed copy");
        }
    }
}
