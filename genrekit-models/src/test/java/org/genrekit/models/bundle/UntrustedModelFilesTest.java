package org.genrekit.models.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.genrekit.models.classical.SafeDeserializer;
import org.genrekit.models.pipeline.TabularModel;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Model files are untrusted input. Before the fix a 5 KB SerialDOS pipeline.ser spun forever, a
 * stream declaring long[0x7ffffff0] and a zip entry inflating to gigabytes ended in
 * OutOfMemoryError, and --model on a FIFO blocked forever (on /dev/zero: out of memory).
 */
class UntrustedModelFilesTest {
    @TempDir
    Path dir;

    @Test
    void serialDosIsRefusedAtOnce() throws Exception {
        byte[] dos = HostileBundles.serialDos();
        assertTrue(dos.length < 8000, "a small file: " + dos.length);
        IOException e = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> assertThrows(IOException.class, () -> SafeDeserializer.read(dos, TabularModel.class)));
        assertEquals("refused the serialized pipeline: collections nest more than 12 deep (a hash-collision bomb)", e.getMessage());
    }

    @Test
    void aHugeArrayDeclarationIsRefusedBeforeItIsAllocated() throws Exception {
        byte[] bomb = HostileBundles.hugeArray();
        assertTrue(bomb.length < 40, "a tiny stream: " + bomb.length);
        IOException e = assertThrows(IOException.class, () -> SafeDeserializer.read(bomb, TabularModel.class));
        assertTrue(e.getMessage().startsWith("refused the serialized pipeline: it declares an array of 2147483632 longs, which would need "
                + 2147483632L * 8 + " bytes, but only 0 are left"), e.getMessage());
    }

    @Test
    void aZipEntryThatInflatesPastTheLimitIsRefusedWhileReading() throws Exception {
        byte[] zip = HostileBundles.zipOfZeros("pipeline.ser", 64L << 20);
        assertTrue(zip.length < 200_000, "64 MiB of zeros deflate to " + zip.length + " bytes");
        BundleException e = assertThrows(BundleException.class, () -> ModelBundles.read(Path.of("bomb.gkm"), zip, 16L << 20));
        assertTrue(e.getMessage().startsWith("bomb.gkm: model bundle too large: entry 'pipeline.ser' inflates past "), e.getMessage());
        assertTrue(e.getMessage().endsWith("more than the limit of 16777216 bytes (-Dgenrekit.bundle.maxBytes)"), e.getMessage());
    }

    @Test
    void theDefaultLimitOf512MiBStopsA600MiBEntry() throws Exception {
        // The default limit (512 MiB) is far above real bundles (the default model is 0.3 MB) and far
        // below what exhausts a 4 GB heap; 600 MiB of zeros deflate to about 600 KB.
        byte[] zip = HostileBundles.zipOfZeros("pipeline.ser", 600L << 20);
        BundleException e = assertThrows(BundleException.class, () -> ModelBundles.read(Path.of("bomb.gkm"), zip));
        assertTrue(e.getMessage().contains("more than the limit of " + (512L << 20) + " bytes"), e.getMessage());
    }

    @Test
    void onlyRegularFilesAreRead() throws Exception {
        Path fifo = dir.resolve("model.gkm");
        boolean made;
        try {
            made = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start().waitFor() == 0;
        } catch (IOException e) {
            made = false;
        }
        Assumptions.assumeTrue(made && Files.exists(fifo), "skipped: mkfifo is not available here");
        BundleException e = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> assertThrows(BundleException.class, () -> ModelBundles.load(fifo)));
        assertEquals(fifo + ": not a model file: a FIFO, socket or device; --model takes a regular .gkm file", e.getMessage());
        Path zero = Path.of("/dev/zero");
        if (Files.exists(zero)) {
            assertTrue(assertThrows(BundleException.class, () -> ModelBundles.load(zero)).getMessage().contains("a FIFO, socket or device"));
        }
        assertTrue(assertThrows(BundleException.class, () -> ModelBundles.load(dir)).getMessage().contains("not a model file: a directory"));
    }

    @Test
    void aHostileBundleFailsAsOneLineNamingTheFile() throws Exception {
        Path f = dir.resolve("dos.gkm");
        HostileBundles.classical(f, HostileBundles.serialDos());
        BundleException e = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> assertThrows(BundleException.class, () -> ModelBundles.load(f)));
        assertEquals(f + ": cannot read the fitted pipeline: refused the serialized pipeline: collections nest more than 12 deep"
                + " (a hash-collision bomb)", e.getMessage());
    }
}
