package org.genrekit.deep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.genrekit.audio.Signal;
import org.genrekit.deep.input.Planes;
import org.genrekit.features.sets.LogMel;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The deep input's log-mel (features' LogMel through the recipe a bundle stores) against librosa 0.11's melspectrogram + power_to_db(ref=1, top_db=80) on the golden inputs. */
class LogMelParityTest {
    static Path golden(String input) {
        String shared = System.getProperty("genrekit.shared");
        Path dir = shared == null ? null : Path.of(shared, "golden", "librosa", input);
        Assumptions.assumeTrue(dir != null && Files.isDirectory(dir), "golden data absent (../shared/golden): skipping librosa parity");
        return dir;
    }

    @ParameterizedTest
    @ValueSource(strings = {"b_chirp", "d_chord", "g_music"})
    void matchesLibrosaMelInDecibels(String input) throws IOException {
        Path dir = golden(input);
        float[] y = Npy.read(dir.resolve("y.npy")).data;
        Npy mel = Npy.read(dir.resolve("mel.npy"));
        int bands = mel.shape[0], frames = mel.shape[1];
        float[][] ours = Planes.logMel(new LogMel(22050, 2048, 512, bands, 0, 11025).recipe()).compute(new Signal(y, 22050));
        assertEquals(bands, ours.length);
        assertEquals(frames, ours[0].length);
        double maxDb = Double.NEGATIVE_INFINITY;
        for (float v : mel.data) maxDb = Math.max(maxDb, 10 * Math.log10(Math.max(1e-10, v)));
        double worst = 0;
        for (int m = 0; m < bands; m++) {
            for (int t = 0; t < frames; t++) {
                double ref = Math.max(10 * Math.log10(Math.max(1e-10, mel.data[m * frames + t])), maxDb - 80);
                worst = Math.max(worst, Math.abs(ref - ours[m][t]));
            }
        }
        assertTrue(worst < 0.01, input + ": largest difference " + worst + " dB");
    }

    /** Minimal reader of little-endian float32 C-order .npy files. */
    record Npy(int[] shape, float[] data) {
        static Npy read(Path p) throws IOException {
            ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(p)).order(ByteOrder.LITTLE_ENDIAN);
            b.position(6);
            int major = b.get(), minor = b.get();
            int hlen = major == 1 ? Short.toUnsignedInt(b.getShort()) : b.getInt();
            byte[] h = new byte[hlen];
            b.get(h);
            String header = new String(h, StandardCharsets.ISO_8859_1);
            if (!header.contains("'<f4'") || header.contains("'fortran_order': True")) throw new IOException(p + ": expected C-order <f4, got " + header);
            String dims = header.substring(header.indexOf("'shape': (") + 10, header.indexOf(')', header.indexOf("'shape': (")));
            String[] parts = dims.split(",");
            int n = 0;
            int[] shape = new int[(int) java.util.Arrays.stream(parts).filter(s -> !s.isBlank()).count()];
            int total = 1;
            for (String s : parts) if (!s.isBlank()) total *= shape[n++] = Integer.parseInt(s.strip());
            float[] d = new float[total];
            b.asFloatBuffer().get(d);
            return new Npy(shape, d);
        }
    }
}
