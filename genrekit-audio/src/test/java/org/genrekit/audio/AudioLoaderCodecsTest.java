package org.genrekit.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** FLAC, AAC (m4a) and Vorbis (ogg) fixtures made with FFmpeg's own encoders from a golden signal. */
class AudioLoaderCodecsTest {
    @TempDir
    Path dir;

    @Test
    void flacIsLossless() throws Exception {
        float[] golden = TestNpy.readFloats(Golden.librosa("d_chord", "y.npy"));
        Path f = dir.resolve("chord.flac");
        TestEncoder.encode(f, "flac", golden, 22050, 1);
        AudioInfo info = AudioLoader.probe(f);
        assertEquals("flac", info.container());
        assertEquals("flac", info.codec());
        assertEquals(22050, info.sampleRate());
        assertEquals(1, info.channels());
        assertEquals(4.0, info.durationSeconds(), 1e-3);
        assertArrayEquals(golden, AudioLoader.load(f, LoadOptions.defaults()).samples());
    }

    @Test
    void m4aAacAndOggVorbisDecodeCloseToTheSource() throws Exception {
        float[] golden = TestNpy.readFloats(Golden.librosa("d_chord", "y.npy"));
        for (String[] c : new String[][] {{"chord.m4a", "aac", "mov,mp4,m4a,3gp,3g2,mj2"}, {"chord.ogg", "vorbis", "ogg"}}) {
            Path f = dir.resolve(c[0]);
            TestEncoder.encode(f, c[1], golden, 22050, c[1].equals("vorbis") ? 2 : 1);
            AudioInfo info = AudioLoader.probe(f);
            assertEquals(c[2], info.container());
            assertEquals(c[1], info.codec());
            assertEquals(22050, info.sampleRate());
            Signal s = AudioLoader.load(f, LoadOptions.defaults());
            // Lossy coders: the priming samples are trimmed (edit list / granule positions), so the
            // signal lines up with its source. m4a is gapless (the edit list's length is applied);
            // FFmpeg's experimental vorbis encoder marks its last block loosely (+56 samples here).
            System.out.printf("%s: n=%d (source %d)%n", c[0], s.length(), golden.length);
            if (c[1].equals("aac")) {
                assertEquals(golden.length, s.length(), "gapless m4a length");
            } else {
                assertTrue(Math.abs(s.length() - golden.length) <= 2048, c[0] + " length " + s.length());
            }
            float[] head = java.util.Arrays.copyOf(s.samples(), Math.min(s.length(), golden.length));
            float[] ref = java.util.Arrays.copyOf(golden, head.length);
            double snr = Golden.snrDb(head, ref);
            System.out.printf("%s: SNR %.1f dB against the source%n", c[0], snr);
            assertTrue(snr > 15, c[0] + " SNR " + snr);
        }
    }
}
