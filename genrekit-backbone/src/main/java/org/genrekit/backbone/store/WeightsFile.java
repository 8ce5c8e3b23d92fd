package org.genrekit.backbone.store;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.genrekit.backbone.weights.Tensor;

/**
 * Genrekit's own fast-loading weights layout: {@code GKWT}, a format version, a JSON header
 * (tensor names and shapes, plus free metadata), then every tensor's float32 values, little-endian,
 * in header order. Loading is one read and a bulk copy per tensor (no pickle, no zip), a few ms
 * for mn04.
 */
public final class WeightsFile {
    private static final byte[] MAGIC = {'G', 'K', 'W', 'T'};
    public static final int VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    private WeightsFile() {
    }

    /** Header and tensors of one file. */
    public record Contents(Map<String, Object> metadata, Map<String, Tensor> tensors) {
    }

    /** Writes {@code tensors} to {@code out} (the caller makes it atomic: write a temp name, then rename). */
    public static void write(Path out, Map<String, Tensor> tensors, Map<String, Object> metadata) throws IOException {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Tensor t : tensors.values()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", t.name());
            m.put("shape", t.shape());
            list.add(m);
        }
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("metadata", metadata);
        header.put("tensors", list);
        byte[] h = JSON.writeValueAsBytes(header);
        try (OutputStream os = Files.newOutputStream(out)) {
            ByteBuffer head = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
            head.put(MAGIC).putInt(VERSION).putInt(h.length);
            os.write(head.array());
            os.write(h);
            for (Tensor t : tensors.values()) {
                ByteBuffer b = ByteBuffer.allocate(t.data().length * 4).order(ByteOrder.LITTLE_ENDIAN);
                b.asFloatBuffer().put(t.data());
                os.write(b.array());
            }
        }
    }

    public static Contents read(Path file) throws IOException {
        ByteBuffer b;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size > Integer.MAX_VALUE) throw new IOException(file + ": weights file too large (" + size + " bytes)");
            b = ByteBuffer.allocate((int) size).order(ByteOrder.LITTLE_ENDIAN);
            while (b.hasRemaining() && ch.read(b) >= 0) {
                // read fully
            }
            b.flip();
        }
        if (b.remaining() < 12) throw new IOException(file + ": not a Genrekit weights file (too short)");
        for (byte m : MAGIC) if (b.get() != m) throw new IOException(file + ": not a Genrekit weights file (bad magic)");
        int version = b.getInt();
        if (version != VERSION) throw new IOException(file + ": weights format version " + version + " is not " + VERSION + "; reinstall the backbone");
        int hl = b.getInt();
        if (hl < 0 || hl > b.remaining()) throw new IOException(file + ": damaged weights file (header length " + hl + ")");
        byte[] h = new byte[hl];
        b.get(h);
        Map<String, Object> header = JSON.readValue(new String(h, StandardCharsets.UTF_8), new TypeReference<LinkedHashMap<String, Object>>() { });
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> list = (List<Map<String, Object>>) header.get("tensors");
        @SuppressWarnings("unchecked")
        Map<String, Object> metadata = (Map<String, Object>) header.getOrDefault("metadata", Map.of());
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        for (Map<String, Object> m : list) {
            String name = (String) m.get("name");
            @SuppressWarnings("unchecked")
            List<Integer> shapeList = (List<Integer>) m.get("shape");
            int[] shape = shapeList.stream().mapToInt(Integer::intValue).toArray();
            long n = 1;
            for (int d : shape) n *= d;
            if (n * 4 > b.remaining()) throw new IOException(file + ": damaged weights file (tensor " + name + " is cut short)");
            float[] data = new float[(int) n];
            b.asFloatBuffer().get(data);
            b.position(b.position() + (int) n * 4);
            tensors.put(name, new Tensor(name, shape, data));
        }
        if (b.hasRemaining()) throw new IOException(file + ": damaged weights file (" + b.remaining() + " bytes after the last tensor)");
        return new Contents(metadata, tensors);
    }
}
