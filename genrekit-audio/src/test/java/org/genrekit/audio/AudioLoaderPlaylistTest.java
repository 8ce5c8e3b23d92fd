package org.genrekit.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.FileOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.genrekit.audio.AudioDecodeException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Playlists and concat scripts are refused: a file given to Genrekit is decoded as itself, never as
 * a list of other files to open (which would bypass the regular-file check, read files the caller
 * did not name, and block for ever on a FIFO).
 */
class AudioLoaderPlaylistTest {
    @TempDir
    Path dir;

    private Path sineWav(String name) throws Exception {
        float[] x = new float[22050];
        for (int i = 0; i < x.length; i++) x[i] = (float) (0.5 * Math.sin(i * 0.05));
        Path f = dir.resolve(name);
        TestWav.wav(f, 1, 1, 22050, x, -1);
        return f;
    }

    private static String hls(String segment) {
        return "#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:10\n#EXT-X-MEDIA-SEQUENCE:0\n"
                + "#EXTINF:1.0,\n" + segment + "\n#EXT-X-ENDLIST\n";
    }

    private AudioDecodeException refused(Path file) {
        AudioDecodeException e = assertThrows(AudioDecodeException.class, () -> AudioLoader.load(file, LoadOptions.defaults()));
        System.out.println("  " + e.getMessage());
        assertEquals(Reason.NOT_AUDIO, e.reason(), e.getMessage());
        assertEquals(file, e.file());
        assertTrue(e.getMessage().startsWith(file + ": not audio: "), e.getMessage());
        return e;
    }

    @Test
    void hlsPlaylistOfALocalWavIsRefused() throws Exception {
        sineWav("seg.wav");
        Path m3u8 = Files.writeString(dir.resolve("list.m3u8"), hls("seg.wav"));
        AudioDecodeException e = refused(m3u8);
        assertTrue(e.getMessage().contains("hls"), e.getMessage());
        assertTrue(e.getMessage().contains("only plain audio files"), e.getMessage());
        assertEquals(Reason.NOT_AUDIO, assertThrows(AudioDecodeException.class, () -> AudioLoader.probe(m3u8)).reason());
    }

    @Test
    void hlsPlaylistOfAFifoIsRefusedWithoutBlocking() throws Exception {
        Path fifo = dir.resolve("seg.ts");
        Process p = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assumeTrue(p.waitFor() == 0, "skipped: mkfifo is not available");
        Path m3u8 = Files.writeString(dir.resolve("live.m3u8"), hls(fifo.toString()));
        try {
            // Before: FFmpeg's HLS demuxer opened the FIFO and blocked in open(2), timeout or not.
            assertTimeoutPreemptively(Duration.ofSeconds(30), () -> refused(m3u8));
        } finally {
            // Release a reader blocked on the FIFO (only if the refusal failed), so the JVM can exit.
            Thread t = Thread.ofVirtual().start(() -> {
                try (FileOutputStream out = new FileOutputStream(fifo.toFile())) {
                    out.write(0);
                } catch (Exception ignored) {
                    // nobody reading: fine
                }
            });
            t.join(200);
        }
    }

    @Test
    void ffconcatScriptIsRefused() throws Exception {
        sineWav("part.wav");
        Path script = Files.writeString(dir.resolve("upload.bin"), "ffconcat version 1.0\nfile part.wav\nfile part.wav\n");
        AudioDecodeException e = refused(script);
        assertTrue(e.getMessage().contains("concat"), e.getMessage());
        assertFalse(e.getMessage().contains("part.wav"), e.getMessage());
    }

    @Test
    void plainWavStillLoads() throws Exception {
        assertEquals(22050, AudioLoader.load(sineWav("plain.wav"), LoadOptions.defaults()).length());
    }
}
