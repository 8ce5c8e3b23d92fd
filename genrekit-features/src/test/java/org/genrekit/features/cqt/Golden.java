package org.genrekit.features.cqt;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Test access to ../shared/golden: a minimal .npy reader (float32/float64, C order) and params.json. */
final class Golden {
    private Golden() {
    }

    static Path shared() {
        String p = System.getProperty("genrekit.shared");
        assumeTrue(p != null && Files.isDirectory(Path.of(p, "golden")),
                "shared reference data not found (system property genrekit.shared=" + p + "); skipping golden test");
        return Path.of(p);
    }

    static Path librosa(String input) {
        return shared().resolve("golden/librosa").resolve(input);
    }

    static JsonNode params(String input) throws IOException {
        return new ObjectMapper().readTree(librosa(input).resolve("params.json").toFile());
    }

    /** Shape and data (as double) of a float32/float64 little-endian C-order .npy file. */
    record Array(int[] shape, double[] data) {
        float[] vector() {
            float[] f = new float[data.length];
            for (int i = 0; i < f.length; i++) f[i] = (float) data[i];
            return f;
        }

        double[][] matrix() {
            int rows = shape[0];
            int cols = shape.length > 1 ? shape[1] : 1;
            double[][] m = new double[rows][cols];
            for (int r = 0; r < rows; r++) System.arraycopy(data, r * cols, m[r], 0, cols);
            return m;
        }
    }

    static Array npy(Path file) throws IOException {
        byte[] b = Files.readAllBytes(file);
        ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        int major = b[6];
        int headerLen = major == 1 ? Short.toUnsignedInt(bb.getShort(8)) : bb.getInt(8);
        int start = major == 1 ? 10 : 12;
        String header = new String(b, start, headerLen, StandardCharsets.ISO_8859_1);
        String descr = header.replaceAll(".*'descr':\\s*'([^']*)'.*", "$1").strip();
        boolean fortran = header.contains("'fortran_order': True");
        String shapeText = header.replaceAll(".*'shape':\\s*\\(([^)]*)\\).*", "$1").strip();
        String[] parts = shapeText.isEmpty() ? new String[0] : shapeText.split(",");
        int count = 0;
        int[] shape = new int[(int) java.util.Arrays.stream(parts).filter(s -> !s.isBlank()).count()];
        long n = 1;
        for (String s : parts) {
            if (s.isBlank()) continue;
            shape[count++] = Integer.parseInt(s.strip());
            n *= shape[count - 1];
        }
        double[] data = new double[(int) n];
        int off = start + headerLen;
        switch (descr) {
            case "<f4" -> { for (int i = 0; i < n; i++) data[i] = bb.getFloat(off + 4 * i); }
            case "<f8" -> { for (int i = 0; i < n; i++) data[i] = bb.getDouble(off + 8 * i); }
            default -> throw new IOException("unsupported dtype " + descr + " in " + file);
        }
        if (fortran && shape.length == 2) {
            // column-major on disk: transpose into row-major
            double[] c = new double[data.length];
            int rows = shape[0], cols = shape[1];
            for (int j = 0; j < cols; j++) for (int i = 0; i < rows; i++) c[i * cols + j] = data[j * rows + i];
            data = c;
        } else if (fortran && shape.length > 2) {
            throw new IOException("fortran order with ndim > 2 not supported: " + file);
        }
        return new Array(shape, data);
    }

    /**
     * Mono samples of a PCM16 WAV at its own rate, downmixed as librosa does (mean of channels of
     * s / 32768), for golden inputs that only exist as 44.1 kHz WAV.
     */
    static org.genrekit.audio.Signal wavMono(Path file) throws IOException {
        byte[] b = Files.readAllBytes(file);
        ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        int pos = 12, channels = 0, rate = 0, bits = 0;
        while (pos + 8 <= b.length) {
            String id = new String(b, pos, 4, StandardCharsets.US_ASCII);
            int size = bb.getInt(pos + 4);
            if (id.equals("fmt ")) {
                channels = bb.getShort(pos + 10);
                rate = bb.getInt(pos + 12);
                bits = bb.getShort(pos + 22);
            } else if (id.equals("data")) {
                if (bits != 16) throw new IOException("only PCM16 test WAVs are supported: " + file);
                int frames = size / (2 * channels);
                float[] y = new float[frames];
                for (int i = 0; i < frames; i++) {
                    float acc = 0;
                    for (int c = 0; c < channels; c++) acc += bb.getShort(pos + 8 + 2 * (i * channels + c)) / 32768f;
                    y[i] = acc / channels;
                }
                return new org.genrekit.audio.Signal(y, rate);
            }
            pos += 8 + size + (size & 1);
        }
        throw new IOException("no data chunk in " + file);
    }

    /** ||a - b|| / ||b|| over all entries; shapes must agree. */
    static double relL2(float[][] a, double[][] b) {
        if (a.length != b.length || a[0].length != b[0].length) {
            throw new AssertionError("shape " + a.length + "x" + a[0].length + " != " + b.length + "x" + b[0].length);
        }
        double num = 0, den = 0;
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[i].length; j++) {
                double d = a[i][j] - b[i][j];
                num += d * d;
                den += b[i][j] * b[i][j];
            }
        }
        return den == 0 ? Math.sqrt(num) : Math.sqrt(num / den);
    }
}
