package org.genrekit.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** librosa.load(path, sr=22050, mono=True) parity for every golden input. */
class AudioLoaderGoldenTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "a_sine1k, a_sine1k.wav, exact",
            "b_chirp, b_chirp.wav, exact",
            "c_noise, c_noise.wav, exact",
            "d_chord, d_chord.wav, exact",
            "e_clicks, e_clicks.wav, exact",
            "d_chord_mp3, d_chord.mp3, snr",
            "g_music_mp3, g_music.mp3, snr",
            "f_stereo44k, f_stereo44k.wav, snr",
            "g_music, g_music.wav, snr",
    })
    void loadMatchesLibrosa(String input, String file, String mode) throws Exception {
        Path audio = Golden.audio(file);
        float[] golden = TestNpy.readFloats(Golden.librosa(input, "y.npy"));
        Signal s = AudioLoader.load(audio, LoadOptions.defaults());
        assertEquals(22050, s.sampleRate());
        assertEquals(golden.length, s.length(), "length of y for " + input);
        double snr = Golden.snrDb(s.samples(), golden);
        System.out.printf("%-12s n=%d SNR=%.1f dB maxdiff=%.3g resampler=%s%n", input, s.length(), snr,
                Golden.maxAbsDiff(s.samples(), golden), Resampler.backend());
        if (mode.equals("exact")) {
            // 22050 Hz WAV: int16 / 32768 exactly as libsndfile converts; only float rounding may differ.
            assertTrue(Golden.maxAbsDiff(s.samples(), golden) <= 1e-7, input + " differs from golden y");
        } else {
            assertTrue(snr >= 60, input + ": SNR " + snr + " dB < 60 dB");
        }
    }

    @ParameterizedTest(name = "{0} native")
    @CsvSource({"f_stereo44k, f_stereo44k.wav", "g_music_mp3, g_music.mp3"})
    void nativeRateMonoMatchesLibrosa(String input, String file) throws Exception {
        float[] golden = TestNpy.readFloats(Golden.librosa(input, "y_native_mono.npy"));
        Signal s = AudioLoader.load(Golden.audio(file), LoadOptions.atRate(0));
        assertEquals(44100, s.sampleRate());
        assertEquals(golden.length, s.length(), "gapless length of " + input);
        double snr = Golden.snrDb(s.samples(), golden);
        System.out.printf("%-12s native n=%d SNR=%.1f dB%n", input, s.length(), snr);
        assertTrue(snr >= 60, input + ": SNR " + snr + " dB < 60 dB");
    }
}
