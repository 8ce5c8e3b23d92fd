package org.genrekit.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.genrekit.audio.AudioDecodeException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every unreadable input gives one typed error naming the file and the reason; nothing crashes or hangs. */
class AudioLoaderBadInputTest {
    @TempDir
    Path dir;

    private AudioDecodeException fails(Path file, LoadOptions options, Reason expected) {
        AudioDecodeException e = assertThrows(AudioDecodeException.class, () -> AudioLoader.load(file, options));
        System.out.println("  " + e.getMessage());
        assertEquals(expected, e.reason(), e.getMessage());
        assertEquals(file, e.file());
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        return e;
    }

    private AudioDecodeException fails(Path file, Reason expected) {
        return fails(file, LoadOptions.defaults(), expected);
    }

    @Test
    void missingFile() {
        fails(dir.resolve("nope.wav"), Reason.NOT_FOUND);
        assertEquals(Reason.NOT_FOUND,
                assertThrows(AudioDecodeException.class, () -> AudioLoader.probe(dir.resolve("nope.mp3"))).reason());
    }

    @Test
    void zeroBytes() throws Exception {
        Path f = Files.createFile(dir.resolve("empty.mp3"));
        fails(f, Reason.EMPTY_FILE);
    }

    @Test
    void directoryIsNotAudio() throws Exception {
        fails(Files.createDirectory(dir.resolve("folder.wav")), Reason.NOT_AUDIO);
    }

    @Test
    void textFileNamedMp3() throws Exception {
        Path f = dir.resolve("notes.mp3");
        Files.writeString(f, "These are not the droids you are looking for.\n".repeat(200));
        fails(f, Reason.NOT_AUDIO);
    }

    @Test
    void truncatedMp3() throws Exception {
        byte[] all = Files.readAllBytes(Golden.audio("g_music.mp3"));
        Path f = dir.resolve("cut.mp3");
        Files.write(f, Arrays.copyOf(all, all.length * 2 / 5));
        AudioDecodeException e = fails(f, Reason.TRUNCATED);
        assertTrue(e.getMessage().contains("header promises"), e.getMessage());
    }

    @Test
    void truncatedWav() throws Exception {
        byte[] all = Files.readAllBytes(Golden.audio("d_chord.wav"));
        Path f = dir.resolve("cut.wav");
        Files.write(f, Arrays.copyOf(all, all.length / 2));
        fails(f, Reason.TRUNCATED);
    }

    @Test
    void headerOnlyMp3IsTruncatedOrNotAudio() throws Exception {
        byte[] all = Files.readAllBytes(Golden.audio("d_chord.mp3"));
        Path f = dir.resolve("stub.mp3");
        Files.write(f, Arrays.copyOf(all, 100));
        AudioDecodeException e = assertThrows(AudioDecodeException.class, () -> AudioLoader.load(f, LoadOptions.defaults()));
        assertTrue(e.reason() == Reason.TRUNCATED || e.reason() == Reason.NOT_AUDIO || e.reason() == Reason.TOO_SHORT, e.getMessage());
    }

    @Test
    void noAudioStream() throws Exception {
        Path f = dir.resolve("cover.png");
        BufferedImage img = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        img.setRGB(3, 4, 0xff8800);
        ImageIO.write(img, "png", f.toFile());
        fails(f, Reason.NO_AUDIO_STREAM);
        assertEquals(Reason.NO_AUDIO_STREAM, assertThrows(AudioDecodeException.class, () -> AudioLoader.probe(f)).reason());
    }

    @Test
    void zeroChannels() throws Exception {
        Path f = dir.resolve("zero-ch.wav");
        TestWav.wav(f, 1, 0, 22050, new float[2000], -1);
        fails(f, Reason.NOT_AUDIO);
    }

    @Test
    void moreChannelsThanFfmpegDecodesAreCountedNotCalledZero() throws Exception {
        Path f = dir.resolve("many.wav");
        TestWav.wav(f, 1, 65535, 22050, new float[65535 * 4], -1);
        AudioDecodeException e = fails(f, Reason.NOT_AUDIO);
        // Before: "the audio stream declares 0 channels".
        assertTrue(e.getMessage().endsWith("the WAV header declares 65535 channels; FFmpeg decodes at most 512"), e.getMessage());
    }

    @Test
    void symbolicLinkLoopIsNamedAsSuch() throws Exception {
        Path a = dir.resolve("a.wav");
        Path b = dir.resolve("b.wav");
        Files.createSymbolicLink(a, b.getFileName());
        Files.createSymbolicLink(b, a.getFileName());
        // Before: "not found: no such file".
        AudioDecodeException e = fails(a, Reason.IO_ERROR);
        assertTrue(e.getMessage().contains("symbolic link") && e.getMessage().contains("loop"), e.getMessage());
        Path dangling = Files.createSymbolicLink(dir.resolve("gone.wav"), dir.resolve("missing.wav"));
        e = fails(dangling, Reason.NOT_FOUND);
        assertTrue(e.getMessage().endsWith("a symbolic link to '" + dir.resolve("missing.wav") + "', which does not exist"), e.getMessage());
    }

    @Test
    void nonUtf8FileNameIsNamedAsSuch() throws Exception {
        // "caf\xe9.wav" (Latin-1 e-acute): not valid UTF-8. Java cannot create such a name itself.
        Process p = new ProcessBuilder("sh", "-c", "printf 'RIFF' > \"$(printf 'caf\\351.wav')\"").directory(dir.toFile()).start();
        org.junit.jupiter.api.Assumptions.assumeTrue(p.waitFor() == 0, "skipped: cannot create a non-UTF-8 file name here");
        Path listed;
        try (var s = Files.list(dir)) {
            listed = s.filter(x -> x.getFileName().toString().startsWith("caf")).findFirst().orElseThrow();
        }
        // As a folder listing gives it (raw bytes) and as a command line gives it (the decoded text).
        for (Path f : new Path[] {listed, Path.of(listed.toString())}) {
            AudioDecodeException e = fails(f, Reason.IO_ERROR);
            assertTrue(e.getMessage().contains("not valid UTF-8"), e.getMessage());
        }
    }

    @Test
    void nanSamples() throws Exception {
        float[] x = new float[22050];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) Math.sin(i * 0.05);
        }
        x[12345] = Float.NaN;
        Path f = dir.resolve("nan.wav");
        TestWav.wav(f, 3, 1, 22050, x, -1);
        AudioDecodeException e = fails(f, Reason.INVALID_SAMPLES);
        assertTrue(e.getMessage().contains("frame 12345"), e.getMessage());
        x[12345] = Float.POSITIVE_INFINITY;
        TestWav.wav(f, 3, 1, 22050, x, -1);
        fails(f, Reason.INVALID_SAMPLES);
    }

    @Test
    void twoHourFileIsRejectedFromItsHeader() throws Exception {
        // A real 2-hour 22050 Hz PCM WAV, written sparse (silence) so that it costs no disk.
        Path f = dir.resolve("two-hours.wav");
        long frames = 2L * 3600 * 22050;
        TestWav.wav(f, 1, 1, 22050, new float[0], frames * 2);
        try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
            raf.setLength(44 + frames * 2);
        }
        long t0 = System.nanoTime();
        fails(f, LoadOptions.defaults().withMaxFileSeconds(600), Reason.TOO_LONG);
        assertTrue(System.nanoTime() - t0 < 2_000_000_000L, "rejecting must not decode the file");
        // Without the limit, a short window of it still loads (decoding stops at the window's end).
        Signal s = AudioLoader.load(f, LoadOptions.defaults().withOffset(3000).withDuration(1.5));
        assertEquals(33075, s.length());
    }

    @Test
    void limitIsAlsoEnforcedWhileDecoding() throws Exception {
        // A streaming-style WAV whose header does not state its length (data size 0xFFFFFFFF is "unknown"):
        // the limit must stop decoding once it is passed.
        Path f = dir.resolve("unknown-length.wav");
        float[] x = new float[22050 * 20];
        TestWav.wav(f, 1, 1, 22050, x, 0xFFFFFFFFL);
        fails(f, LoadOptions.defaults().withMaxFileSeconds(5), Reason.TOO_LONG);
    }

    @Test
    void offsetPastTheEndIsTooShort() throws Exception {
        fails(Golden.audio("a_sine1k.wav"), LoadOptions.defaults().withOffset(10), Reason.TOO_SHORT);
    }

    /** A GTZAN MP3 from ../shared, or the test is skipped. */
    private static Path gtzanMp3() {
        String p = System.getProperty("genrekit.shared");
        Path f = p == null ? null : Path.of(p, "data/gtzan-3genres/classical/classical.00000.mp3");
        org.junit.jupiter.api.Assumptions.assumeTrue(f != null && Files.isRegularFile(f),
                "skipped: ../shared/data/gtzan-3genres (a GTZAN MP3) not found at " + p);
        return f;
    }

    @Test
    void mp3WhoseXingTagClaimsTwoBillionFramesDoesNotExhaustMemory() throws Exception {
        byte[] b = Files.readAllBytes(gtzanMp3());
        int xing = indexOf(b, "Xing".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertTrue(xing > 0 && (b[xing + 7] & 1) != 0, "the file has a Xing tag with a frame count");
        java.nio.ByteBuffer.wrap(b, xing + 8, 4).putInt(0x7fffffff); // frames, big-endian, after the flags
        Path f = dir.resolve("lying.mp3");
        Files.write(f, b);
        // The header says ~31 years; the file holds 30 s. Before the fix the first buffer was sized
        // from the header (2^31 floats) and the load died with OutOfMemoryError.
        AudioDecodeException e = fails(f, Reason.TRUNCATED);
        assertTrue(e.getMessage().contains("header promises"), e.getMessage());
        // The real length is still decoded when the window is known.
        assertEquals(22050 * 10, AudioLoader.load(f, LoadOptions.defaults().withDuration(10)).length());
    }

    @Test
    void flacWhoseStreamInfoClaimsAllOnesTotalSamplesDoesNotExhaustMemory() throws Exception {
        float[] x = new float[22050 * 2];
        for (int i = 0; i < x.length; i++) x[i] = (float) (0.5 * Math.sin(i * 0.05));
        Path f = dir.resolve("lying.flac");
        TestEncoder.encode(f, "flac", x, 22050, 1);
        byte[] b = Files.readAllBytes(f);
        assertEquals("fLaC", new String(b, 0, 4, java.nio.charset.StandardCharsets.US_ASCII));
        // STREAMINFO starts at 8; its 36-bit total-samples field is the low nibble of byte 13 and bytes 14..17.
        b[8 + 13] |= 0x0f;
        for (int i = 14; i < 18; i++) b[8 + i] = (byte) 0xff;
        Files.write(f, b);
        AudioDecodeException e = fails(f, Reason.TRUNCATED);
        assertTrue(e.getMessage().contains("header promises"), e.getMessage());
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) if (hay[i + j] != needle[j]) continue outer;
            return i;
        }
        return -1;
    }
}
