package org.genrekit.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.genrekit.audio.AudioDecodeException.Reason;
import org.genrekit.audio.resample.StreamingResampler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Streamed decoding gives exactly the samples of a whole load, in any window, at any rate. */
class AudioLoaderStreamTest {
    @TempDir
    Path dir;

    /** Collects a stream's blocks, checking that the sender's array may be reused after each call. */
    private static final class Collector implements SampleSink {
        float[] y = new float[1 << 16];
        int n;

        @Override
        public void accept(float[] samples, int offset, int count) {
            if (n + count > y.length) y = Arrays.copyOf(y, Math.max(n + count, 2 * y.length));
            System.arraycopy(samples, offset, y, n, count);
            n += count;
            Arrays.fill(samples, offset, offset + count, Float.NaN); // the sender must not read them again
        }

        float[] samples() {
            return Arrays.copyOf(y, n);
        }
    }

    private static void sameAsLoad(Path file, LoadOptions options) throws Exception {
        Signal whole = AudioLoader.load(file, options);
        Collector c = new Collector();
        StreamInfo info = AudioLoader.stream(file, options, c);
        assertEquals(whole.sampleRate(), info.sampleRate(), file + " " + options);
        assertEquals(whole.length(), info.length(), file + " " + options);
        assertArrayEquals(whole.samples(), c.samples(), file + " " + options);
        Collector again = new Collector();
        SignalSource.of(file, options).stream(again);
        assertArrayEquals(whole.samples(), again.samples(), "a second pass gives the same samples");
    }

    @Test
    void mp3WavAndWindowsStreamExactlyAsTheyLoad() throws Exception {
        Path mp3 = Golden.audio("g_music.mp3");
        Path wav = Golden.audio("f_stereo44k.wav");
        for (Path f : new Path[] {mp3, wav}) {
            sameAsLoad(f, LoadOptions.defaults());
            sameAsLoad(f, LoadOptions.atRate(0));
            sameAsLoad(f, LoadOptions.defaults().withOffset(1.37).withDuration(2.5));
            sameAsLoad(f, LoadOptions.atRate(32000).withOffset(0.5));
        }
    }

    @Test
    void m4aEndPaddingIsTrimmedAsInALoad() throws Exception {
        float[] x = new float[22050 * 3 + 123];
        Random r = new Random(2);
        for (int i = 0; i < x.length; i++) x[i] = (float) (0.4 * Math.sin(i * 0.03) + 0.05 * r.nextGaussian());
        Path m4a = dir.resolve("pad.m4a");
        TestEncoder.encode(m4a, "aac", x, 22050, 1);
        sameAsLoad(m4a, LoadOptions.atRate(0));
        sameAsLoad(m4a, LoadOptions.atRate(16000));
    }

    @Test
    void streamErrorsAreTheLoadsErrors() throws Exception {
        AudioDecodeException e = assertThrows(AudioDecodeException.class,
                () -> AudioLoader.stream(dir.resolve("nope.mp3"), LoadOptions.defaults(), new Collector()));
        assertEquals(Reason.NOT_FOUND, e.reason());
        e = assertThrows(AudioDecodeException.class,
                () -> AudioLoader.stream(Golden.audio("a_sine1k.wav"), LoadOptions.defaults().withOffset(100), new Collector()));
        assertEquals(Reason.TOO_SHORT, e.reason());
    }

    @Test
    void streamingResamplerEqualsTheOneShotForAnyBlockSizes() {
        float[] x = new float[200_003];
        Random r = new Random(9);
        for (int i = 0; i < x.length; i++) x[i] = (float) (0.3 * Math.sin(i * 0.011) + 0.1 * r.nextGaussian());
        int[][] rates = {{44100, 22050}, {2, 1}, {22050, 32000}, {48000, 22050}};
        for (int[] rr : rates) {
            float[] ref = Resampler.resample(x, rr[0], rr[1]);
            for (int block : new int[] {1, 777, 4096, 100_000}) {
                if (block == 1 && rr[0] != 2) continue; // one sample per call is slow; once is enough
                Collector c = new Collector();
                try (StreamingResampler s = new StreamingResampler(rr[0], rr[1], c)) {
                    float[] copy = x.clone();
                    for (int i = 0; i < copy.length; i += block) s.accept(copy, i, Math.min(block, copy.length - i));
                    assertEquals(ref.length, s.finish());
                }
                assertArrayEquals(ref, c.samples(), rr[0] + " -> " + rr[1] + " in blocks of " + block);
            }
        }
    }
}
