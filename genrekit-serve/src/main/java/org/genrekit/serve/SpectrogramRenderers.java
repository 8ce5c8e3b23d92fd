package org.genrekit.serve;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.imageio.ImageIO;
import org.genrekit.features.sets.LogMel;
import org.genrekit.features.viz.SpectrogramPng;

/** The renderers the application wires into the server. */
public final class SpectrogramRenderers {
    /** The picture's dynamic range below its loudest cell (librosa's top_db). */
    static final double RANGE_DB = 80;

    private SpectrogramRenderers() {
    }

    /**
     * The log-mel spectrogram (n_fft 2048, hop 512, 128 bands up to Nyquist, dB) as a magma PNG,
     * one pixel per frame and band. Built per sample rate, since uploads are decoded at the model's.
     */
    public static SpectrogramRenderer logMel() {
        Map<Integer, LogMel> byRate = new ConcurrentHashMap<>();
        return signal -> {
            LogMel mel = byRate.computeIfAbsent(signal.sampleRate(), sr -> new LogMel(sr, 2048, 512, 128, 0.0, sr / 2.0));
            var out = new ByteArrayOutputStream(64 * 1024);
            try {
                ImageIO.write(SpectrogramPng.render(mel.compute(signal), RANGE_DB, 1), "png", out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return out.toByteArray();
        };
    }
}
