package org.genrekit.serve;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;
import org.genrekit.audio.AudioDecodeException;
import org.genrekit.audio.LoadOptions;
import org.genrekit.audio.Signal;

/**
 * Test decoder for 16-bit PCM WAV through javax.sound (no FFmpeg), honouring offset and duration;
 * it keeps the file's rate. Failures are typed like the real decoder's.
 */
final class WavDecoder implements AudioDecoder {
    @Override
    public Signal decode(Path file, LoadOptions o) throws AudioDecodeException {
        try {
            if (Files.size(file) == 0) throw new AudioDecodeException(file, AudioDecodeException.Reason.EMPTY_FILE, "0 bytes");
            try (AudioInputStream in = AudioSystem.getAudioInputStream(file.toFile())) {
                AudioFormat f = in.getFormat();
                if (f.getEncoding() != AudioFormat.Encoding.PCM_SIGNED || f.getSampleSizeInBits() != 16 || f.getChannels() != 1) {
                    throw new AudioDecodeException(file, AudioDecodeException.Reason.UNSUPPORTED_CODEC, f.toString());
                }
                byte[] bytes = in.readAllBytes();
                int rate = (int) f.getSampleRate();
                int total = bytes.length / 2;
                int start = (int) Math.min(total, Math.round(o.offsetSeconds() * rate));
                int end = o.durationSeconds() > 0 ? (int) Math.min(total, start + Math.round(o.durationSeconds() * rate)) : total;
                float[] x = new float[end - start];
                for (int i = start; i < end; i++) {
                    int hi = f.isBigEndian() ? bytes[2 * i] : bytes[2 * i + 1];
                    int lo = (f.isBigEndian() ? bytes[2 * i + 1] : bytes[2 * i]) & 0xff;
                    x[i - start] = (short) ((hi << 8) | lo) / 32768f;
                }
                return new Signal(x, rate);
            }
        } catch (UnsupportedAudioFileException e) {
            throw new AudioDecodeException(file, AudioDecodeException.Reason.NOT_AUDIO, "not a WAV file");
        } catch (java.io.EOFException e) {
            throw new AudioDecodeException(file, AudioDecodeException.Reason.TRUNCATED, "file ends early");
        } catch (AudioDecodeException e) {
            throw e;
        } catch (IOException e) {
            throw new AudioDecodeException(file, AudioDecodeException.Reason.IO_ERROR, e.getMessage(), e);
        }
    }

    /** A 16-bit mono WAV: {@code kind} "tone" (440 Hz) or "noise" (seeded white noise). */
    static byte[] wav(String kind, double seconds, int rate) {
        int n = (int) Math.round(seconds * rate);
        java.util.Random rnd = new java.util.Random(42);
        var out = new java.io.ByteArrayOutputStream();
        var pcm = new byte[2 * n];
        for (int i = 0; i < n; i++) {
            double v = kind.equals("tone") ? 0.3 * Math.sin(2 * Math.PI * 440 * i / rate) : 0.5 * (2 * rnd.nextDouble() - 1);
            short s = (short) Math.round(v * 32767);
            pcm[2 * i] = (byte) s;
            pcm[2 * i + 1] = (byte) (s >> 8);
        }
        try (AudioInputStream ais = new AudioInputStream(new java.io.ByteArrayInputStream(pcm),
                new AudioFormat(rate, 16, 1, true, false), n)) {
            AudioSystem.write(ais, javax.sound.sampled.AudioFileFormat.Type.WAVE, out);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
