package org.genrekit.features.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.genrekit.core.io.AtomicFiles;

/**
 * Reads and writes numpy {@code .npy} files (format versions 1.0, 2.0 and 3.0): float32, float64
 * and integer arrays of any rank. Writing goes to a temporary file in the target's folder that is
 * then renamed, so a reader never sees half a file.
 */
public final class Npy {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']+)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    private Npy() {
    }

    /** Reads a whole {@code .npy} file; throws {@link IOException} naming the file if it is not one. */
    public static NpyArray read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        try {
            return parse(bytes);
        } catch (IllegalArgumentException | IndexOutOfBoundsException | java.nio.BufferUnderflowException e) {
            throw new IOException(file + ": not a readable .npy file: " + e.getMessage(), e);
        }
    }

    /** Parses the bytes of one {@code .npy} file (as stored inside an {@code .npz} archive). */
    public static NpyArray parse(byte[] bytes) {
        for (int i = 0; i < MAGIC.length; i++) {
            if (bytes.length <= i || bytes[i] != MAGIC[i]) throw new IllegalArgumentException("missing \\x93NUMPY magic");
        }
        int major = bytes[6] & 0xff;
        ByteBuffer bb = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int headerLen;
        int headerStart;
        if (major == 1) {
            headerLen = bb.getShort(8) & 0xffff;
            headerStart = 10;
        } else if (major == 2 || major == 3) {
            headerLen = bb.getInt(8);
            headerStart = 12;
        } else {
            throw new IllegalArgumentException("unsupported .npy version " + major);
        }
        String header = new String(bytes, headerStart, headerLen,
                major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        String descr = group(DESCR, header, "descr");
        boolean fortran = group(FORTRAN, header, "fortran_order").equals("True");
        int[] shape = parseShape(group(SHAPE, header, "shape"));
        long count = 1;
        for (int d : shape) count *= d;
        if (count > Integer.MAX_VALUE) throw new IllegalArgumentException("array of " + count + " values is too large");
        int n = (int) count;
        ByteBuffer data = ByteBuffer.wrap(bytes, headerStart + headerLen, bytes.length - headerStart - headerLen);
        char order = descr.charAt(0);
        data.order(order == '>' ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        String type = (order == '<' || order == '>' || order == '|' || order == '=') ? descr.substring(1) : descr;
        double[] values = new double[n];
        switch (type) {
            case "f4" -> { for (int i = 0; i < n; i++) values[i] = data.getFloat(); }
            case "f8" -> { for (int i = 0; i < n; i++) values[i] = data.getDouble(); }
            case "i8" -> { for (int i = 0; i < n; i++) values[i] = data.getLong(); }
            case "i4" -> { for (int i = 0; i < n; i++) values[i] = data.getInt(); }
            case "i2" -> { for (int i = 0; i < n; i++) values[i] = data.getShort(); }
            case "i1" -> { for (int i = 0; i < n; i++) values[i] = data.get(); }
            case "u1", "b1" -> { for (int i = 0; i < n; i++) values[i] = data.get() & 0xff; }
            default -> throw new IllegalArgumentException("unsupported dtype '" + descr + "'");
        }
        if (fortran && shape.length > 1) values = fortranToC(values, shape);
        return new NpyArray(shape, values, descr);
    }

    /** Writes {@code array} as float32 ({@code <f4}) or float64 ({@code <f8}) according to its dtype (integer dtypes as float64). */
    public static void write(Path file, NpyArray array) throws IOException {
        boolean f8 = array.dtype().endsWith("f8") || array.dtype().startsWith("<i") || array.dtype().startsWith("|u");
        writeRaw(file, array.shape(), array.data(), f8);
    }

    public static void writeFloat32(Path file, int[] shape, double[] data) throws IOException {
        writeRaw(file, shape, data, false);
    }

    public static void writeFloat64(Path file, int[] shape, double[] data) throws IOException {
        writeRaw(file, shape, data, true);
    }

    /** Writes a 1-D float32 array. */
    public static void write(Path file, float[] values) throws IOException {
        write(file, NpyArray.ofFloats(values));
    }

    /** Writes a 2-D float32 array {@code [rows][cols]}. */
    public static void write(Path file, float[][] matrix) throws IOException {
        write(file, NpyArray.ofFloats(matrix));
    }

    private static void writeRaw(Path file, int[] shape, double[] data, boolean f8) throws IOException {
        long n = 1;
        for (int d : shape) n *= d;
        if (n != data.length) throw new IllegalArgumentException("shape holds " + n + " values, data has " + data.length);
        byte[] head = header(f8 ? "<f8" : "<f4", false, java.util.Arrays.stream(shape).asLongStream().toArray());
        int width = f8 ? 8 : 4;
        ByteBuffer body = ByteBuffer.allocate(head.length + data.length * width).order(ByteOrder.LITTLE_ENDIAN);
        body.put(head);
        if (f8) {
            for (double v : data) body.putDouble(v);
        } else {
            for (double v : data) body.putFloat((float) v);
        }
        AtomicFiles.write(file, body.array());
    }

    /**
     * The magic, version 1.0, header length and the header dict of a {@code .npy} file, padded with
     * spaces so that the data starts on a 64-byte boundary, ending in '\n'.
     */
    static byte[] header(String descr, boolean fortranOrder, long[] shape) {
        StringBuilder sh = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            sh.append(shape[i]);
            if (shape.length == 1 || i < shape.length - 1) sh.append(shape.length == 1 ? "," : ", ");
        }
        sh.append(")");
        String dict = "{'descr': '" + descr + "', 'fortran_order': " + (fortranOrder ? "True" : "False") + ", 'shape': " + sh + ", }";
        int unpadded = 10 + dict.length() + 1;
        String header = dict + " ".repeat((64 - unpadded % 64) % 64) + "\n";
        ByteBuffer b = ByteBuffer.allocate(10 + header.length()).order(ByteOrder.LITTLE_ENDIAN);
        b.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) header.length());
        b.put(header.getBytes(StandardCharsets.ISO_8859_1));
        return b.array();
    }

    private static String group(Pattern p, String header, String key) {
        Matcher m = p.matcher(header);
        if (!m.find()) throw new IllegalArgumentException("header has no '" + key + "': " + header.strip());
        return m.group(1);
    }

    private static int[] parseShape(String text) {
        List<Integer> dims = new ArrayList<>();
        for (String part : text.split(",")) {
            String t = part.strip();
            if (t.endsWith("L")) t = t.substring(0, t.length() - 1);
            if (!t.isEmpty()) dims.add(Integer.parseInt(t));
        }
        return dims.stream().mapToInt(Integer::intValue).toArray();
    }

    private static double[] fortranToC(double[] f, int[] shape) {
        int rank = shape.length;
        double[] c = new double[f.length];
        int[] idx = new int[rank];
        for (int i = 0; i < f.length; i++) {
            // i walks C order; compute the Fortran-order offset of the same index.
            int off = 0;
            int stride = 1;
            for (int k = 0; k < rank; k++) {
                off += idx[k] * stride;
                stride *= shape[k];
            }
            c[i] = f[off];
            for (int k = rank - 1; k >= 0; k--) {
                if (++idx[k] < shape[k]) break;
                idx[k] = 0;
            }
        }
        return c;
    }
}
