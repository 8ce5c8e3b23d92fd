package org.genrekit.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Containers other than WAV/MP3, probe(), offset/duration windows, parallel decoding. */
class AudioLoaderFormatsTest {
    @TempDir
    Path dir;

    @Test
    void auAndAiffDecodeExactly() throws Exception {
        float[] golden = TestNpy.readFloats(Golden.librosa("d_chord", "y.npy"));
        Path au = dir.resolve("chord.au");
        Path aiff = dir.resolve("chord.aiff");
        TestWav.au(au, 22050, golden);
        TestWav.aiff(aiff, 22050, golden);
        for (Path f : List.of(au, aiff)) {
            Signal s = AudioLoader.load(f, LoadOptions.defaults());
            assertArrayEquals(golden, s.samples(), f.getFileName().toString());
            AudioInfo info = AudioLoader.probe(f);
            assertEquals(22050, info.sampleRate());
            assertEquals(1, info.channels());
            assertEquals("pcm_s16be", info.codec());
            assertEquals(4.0, info.durationSeconds(), 1e-3);
        }
        assertEquals("au", AudioLoader.probe(au).container());
        assertEquals("aiff", AudioLoader.probe(aiff).container());
    }

    @Test
    void probeReadsHeaders() throws Exception {
        AudioInfo mp3 = AudioLoader.probe(Golden.audio("g_music.mp3"));
        assertEquals("mp3", mp3.container());
        assertEquals("mp3", mp3.codec());
        assertEquals(44100, mp3.sampleRate());
        assertEquals(2, mp3.channels());
        assertEquals(30.0, mp3.durationSeconds(), 0.05);
        assertEquals(192_000, mp3.bitRate(), 2000);
        AudioInfo wav = AudioLoader.probe(Golden.audio("f_stereo44k.wav"));
        assertEquals("wav", wav.container());
        assertEquals("pcm_s16le", wav.codec());
        assertEquals(44100, wav.sampleRate());
        assertEquals(2, wav.channels());
        assertEquals(3.0, wav.durationSeconds(), 1e-6);
    }

    @Test
    void oggVorbisLoadsAndProbes() throws Exception {
        Path ood = Golden.shared().resolve("data/ood/librosa");
        assumeTrue(Files.isDirectory(ood), "skipped: " + ood + " absent");
        List<Path> oggs;
        try (Stream<Path> s = Files.list(ood)) {
            oggs = s.filter(p -> p.toString().endsWith(".ogg")).sorted().limit(2).toList();
        }
        assumeTrue(!oggs.isEmpty(), "skipped: no .ogg in " + ood);
        for (Path f : oggs) {
            AudioInfo info = AudioLoader.probe(f);
            assertEquals("ogg", info.container());
            assertEquals("vorbis", info.codec());
            Signal s = AudioLoader.load(f, LoadOptions.defaults().withDuration(5));
            assertEquals(5 * 22050, s.length(), f.toString());
            assertTrue(rms(s.samples()) > 1e-3, "silent decode of " + f);
            Signal whole = AudioLoader.load(f, LoadOptions.atRate(0));
            assertEquals(info.durationSeconds(), whole.durationSeconds(), 0.05, f.toString());
        }
    }

    @Test
    void offsetAndDurationAtTheNativeRate() throws Exception {
        float[] golden = TestNpy.readFloats(Golden.librosa("d_chord", "y.npy"));
        // librosa: start = int(offset * sr), count = int(duration * sr), both at the native rate.
        Signal s = AudioLoader.load(Golden.audio("d_chord.wav"), LoadOptions.defaults().withOffset(0.5).withDuration(1.25));
        assertArrayEquals(Arrays.copyOfRange(golden, 11025, 11025 + 27562), s.samples());
        Signal tail = AudioLoader.load(Golden.audio("d_chord.wav"), LoadOptions.defaults().withOffset(3.5).withDuration(2));
        assertArrayEquals(Arrays.copyOfRange(golden, 77175, golden.length), tail.samples());
    }

    @Test
    void offsetAndDurationComeBeforeResampling() throws Exception {
        float[] nativeMono = TestNpy.readFloats(Golden.librosa("f_stereo44k", "y_native_mono.npy"));
        Signal s = AudioLoader.load(Golden.audio("f_stereo44k.wav"), LoadOptions.defaults().withOffset(0.3).withDuration(1.1));
        float[] expected = Resampler.resample(Arrays.copyOfRange(nativeMono, 13230, 13230 + 48510), 44100, 22050);
        assertEquals(24255, s.length());
        assertArrayEquals(expected, s.samples());
    }

    @Test
    void mp3WindowIsGaplessToo() throws Exception {
        float[] nativeMono = TestNpy.readFloats(Golden.librosa("g_music_mp3", "y_native_mono.npy"));
        Signal s = AudioLoader.load(Golden.audio("g_music.mp3"), LoadOptions.atRate(0).withOffset(10).withDuration(3));
        float[] expected = Arrays.copyOfRange(nativeMono, 441000, 441000 + 132300);
        assertEquals(expected.length, s.length());
        assertTrue(Golden.snrDb(s.samples(), expected) >= 60, "SNR " + Golden.snrDb(s.samples(), expected));
    }

    @Test
    void manyDecodesInParallel() throws Exception {
        float[] golden = TestNpy.readFloats(Golden.librosa("d_chord_mp3", "y.npy"));
        Path bad = Files.writeString(dir.resolve("bad.mp3"), "not audio");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<float[]>> jobs = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                jobs.add(pool.submit(() -> AudioLoader.load(Golden.audio("d_chord.mp3"), LoadOptions.defaults()).samples()));
                jobs.add(pool.submit(() -> {
                    assertThrows(AudioDecodeException.class, () -> AudioLoader.load(bad, LoadOptions.defaults()));
                    return golden;
                }));
            }
            for (Future<float[]> f : jobs) {
                float[] y = f.get();
                assertEquals(golden.length, y.length);
                assertTrue(Golden.snrDb(y, golden) >= 60);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void rejectsNullArguments() {
        assertThrows(NullPointerException.class, () -> AudioLoader.load(null, LoadOptions.defaults()));
        assertThrows(NullPointerException.class, () -> AudioLoader.load(dir, null));
    }

    private static double rms(float[] x) {
        double s = 0;
        for (float v : x) {
            s += v * v;
        }
        return Math.sqrt(s / x.length);
    }
}
