package org.genrekit.backbone.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import net.razorvine.pickle.PickleException;
import org.genrekit.backbone.store.TorchUnpickler.StorageRef;
import org.genrekit.backbone.store.TorchUnpickler.TensorRef;
import org.genrekit.backbone.weights.Tensor;

/**
 * Reads a PyTorch state dict as {@code torch.save} writes it (the zip layout of torch 1.6 and
 * later): {@code TOP/data.pkl} (the pickled dict, whose tensors refer to storages by key),
 * {@code TOP/data/KEY} (each storage's raw bytes, little-endian unless {@code TOP/byteorder} says
 * otherwise). {@code TOP} is whatever folder name the file was saved with.
 *
 * <p>Every float32 tensor comes back contiguous in C order, whatever its stride and offset in the
 * storage. Integer scalars ({@code num_batches_tracked}) are skipped; any other non-float tensor,
 * or anything that is not a flat dict of tensors, is an {@link IOException} naming the file. No
 * Python code is run: unknown classes in the pickle stay inert data.
 */
public final class PtStateDictReader {
    private static final System.Logger LOG = System.getLogger(PtStateDictReader.class.getName());

    private PtStateDictReader() {
    }

    /** The file's float32 tensors, by state-dict key, in the file's order. */
    public static Map<String, Tensor> read(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        if (!Files.isRegularFile(file)) throw new NoSuchFileException(file.toString(), null, "no such file");
        try (ZipFile zip = open(file)) {
            String top = top(zip, file);
            ByteOrder order = byteOrder(zip, top, file);
            Object root = unpickle(zip, zip.getEntry(top + "data.pkl"), file);
            if (!(root instanceof Map<?, ?> dict)) {
                throw new IOException(file + ": not a PyTorch state dict (data.pkl holds " + TorchUnpickler.describe(root) + ", not a dict of tensors)");
            }
            Map<String, byte[]> storages = new HashMap<>();
            Map<String, Tensor> out = new LinkedHashMap<>();
            List<String> skipped = new ArrayList<>();
            for (Map.Entry<?, ?> e : dict.entrySet()) {
                if (!(e.getKey() instanceof String name)) throw new IOException(file + ": not a state dict (key " + TorchUnpickler.describe(e.getKey()) + " is not a string)");
                if (!(e.getValue() instanceof TensorRef ref)) {
                    throw new IOException(file + ": not a plain state dict: entry '" + name + "' is " + TorchUnpickler.describe(e.getValue())
                            + ", not a tensor (a training checkpoint? save model.state_dict() instead)");
                }
                if (isIntegerScalar(ref)) {
                    skipped.add(name);
                    continue;
                }
                if (!ref.storage().type().equals("FloatStorage")) {
                    throw new IOException(file + ": tensor " + name + " is stored as torch." + ref.storage().type() + "; only float32 (torch.FloatStorage) weights are supported");
                }
                byte[] bytes = storages.get(ref.storage().key());
                if (bytes == null) {
                    bytes = storage(zip, top, ref.storage(), file);
                    storages.put(ref.storage().key(), bytes);
                }
                out.put(name, materialise(name, ref, bytes, order, file));
            }
            if (!skipped.isEmpty()) LOG.log(System.Logger.Level.DEBUG, "{0}: skipped {1} integer scalars ({2})", file, skipped.size(), skipped.getFirst());
            if (out.isEmpty()) throw new IOException(file + ": the state dict holds no float tensors");
            return out;
        }
    }

    private static ZipFile open(Path file) throws IOException {
        try {
            return new ZipFile(file.toFile());
        } catch (ZipException e) {
            throw new IOException(file + ": damaged or truncated: not a readable zip archive (" + Files.size(file) + " bytes; " + e.getMessage() + ")", e);
        }
    }

    /** {@code "TOP/"}: the folder holding {@code data.pkl}. */
    private static String top(ZipFile zip, Path file) throws IOException {
        String top = null;
        for (Enumeration<? extends ZipEntry> en = zip.entries(); en.hasMoreElements(); ) {
            String n = en.nextElement().getName();
            if (!n.endsWith("/data.pkl") || n.indexOf('/') != n.length() - "/data.pkl".length()) continue;
            if (top != null) throw new IOException(file + ": not a PyTorch state dict (two data.pkl entries: " + top + "data.pkl, " + n + ")");
            top = n.substring(0, n.length() - "data.pkl".length());
        }
        if (top == null) throw new IOException(file + ": not a PyTorch state dict (the zip has no TOP/data.pkl entry)");
        return top;
    }

    private static ByteOrder byteOrder(ZipFile zip, String top, Path file) throws IOException {
        ZipEntry e = zip.getEntry(top + "byteorder");
        if (e == null) return ByteOrder.LITTLE_ENDIAN;
        String s;
        try (InputStream in = zip.getInputStream(e)) {
            s = new String(in.readNBytes(16), StandardCharsets.US_ASCII).strip();
        }
        return switch (s) {
            case "little" -> ByteOrder.LITTLE_ENDIAN;
            case "big" -> ByteOrder.BIG_ENDIAN;
            default -> throw new IOException(file + ": unknown byte order '" + s + "' in " + e.getName());
        };
    }

    private static Object unpickle(ZipFile zip, ZipEntry pkl, Path file) throws IOException {
        TorchUnpickler u = new TorchUnpickler();
        try (InputStream in = zip.getInputStream(pkl)) {
            return u.load(in);
        } catch (PickleException | ClassCastException | IllegalArgumentException | IndexOutOfBoundsException e) {
            throw new IOException(file + ": unreadable " + pkl.getName() + " (" + e.getMessage() + ")", e);
        } catch (ZipException e) {
            throw new IOException(file + ": damaged or truncated " + pkl.getName() + " (" + e.getMessage() + ")", e);
        } finally {
            u.close();
        }
    }

    private static boolean isIntegerScalar(TensorRef ref) {
        return ref.size().length == 0 && List.of("LongStorage", "IntStorage").contains(ref.storage().type());
    }

    private static byte[] storage(ZipFile zip, String top, StorageRef s, Path file) throws IOException {
        ZipEntry e = zip.getEntry(top + "data/" + s.key());
        if (e == null) throw new IOException(file + ": damaged: storage " + s.key() + " is missing (no entry " + top + "data/" + s.key() + ")");
        if (s.numel() < 0 || s.numel() > Integer.MAX_VALUE / 4) throw new IOException(file + ": storage " + s.key() + " has an impossible size " + s.numel());
        byte[] b;
        try (InputStream in = zip.getInputStream(e)) {
            b = in.readAllBytes();
        } catch (ZipException ex) {
            throw new IOException(file + ": damaged or truncated storage " + e.getName() + " (" + ex.getMessage() + ")", ex);
        }
        if (b.length != s.numel() * 4) {
            throw new IOException(file + ": damaged: storage " + s.key() + " has " + b.length + " bytes, its " + s.numel() + " floats need " + s.numel() * 4);
        }
        return b;
    }

    /** Copies the view {@code ref} out of its storage into a contiguous C-order tensor. */
    static Tensor materialise(String name, TensorRef ref, byte[] storage, ByteOrder order, Path file) throws IOException {
        long[] size = ref.size();
        long[] stride = ref.stride();
        if (stride.length != size.length) throw new IOException(file + ": tensor " + name + " has " + size.length + " sizes but " + stride.length + " strides");
        int[] shape = new int[size.length];
        long n = 1;
        long last = ref.offset(); // the highest element index the view touches
        for (int d = 0; d < size.length; d++) {
            if (size[d] < 0 || size[d] > Integer.MAX_VALUE || stride[d] < 0) {
                throw new IOException(file + ": tensor " + name + " has an impossible size " + Arrays.toString(size) + " or stride " + Arrays.toString(stride));
            }
            shape[d] = (int) size[d];
            n *= size[d];
            if (size[d] > 0) last += (size[d] - 1) * stride[d];
        }
        long numel = storage.length / 4;
        if (n > 0 && (ref.offset() < 0 || last >= numel)) {
            throw new IOException(file + ": tensor " + name + " " + Arrays.toString(size) + " (offset " + ref.offset() + ", stride "
                    + Arrays.toString(stride) + ") reaches past its storage of " + numel + " floats");
        }
        if (n > Integer.MAX_VALUE) throw new IOException(file + ": tensor " + name + " is too large (" + n + " values)");
        float[] data = new float[(int) n];
        var floats = ByteBuffer.wrap(storage).order(order).asFloatBuffer();
        if (n == 0) return new Tensor(name, shape, data);
        if (isContiguous(size, stride)) {
            floats.get((int) ref.offset(), data);
            return new Tensor(name, shape, data);
        }
        long[] index = new long[size.length];
        long pos = ref.offset();
        for (int i = 0; i < data.length; i++) {
            data[i] = floats.get((int) pos);
            for (int d = size.length - 1; d >= 0; d--) { // odometer over the dimensions, last fastest
                if (++index[d] < size[d]) {
                    pos += stride[d];
                    break;
                }
                pos -= (size[d] - 1) * stride[d];
                index[d] = 0;
            }
        }
        return new Tensor(name, shape, data);
    }

    /** C order: each dimension's stride is the product of the later sizes (size-1 dimensions may have any stride). */
    private static boolean isContiguous(long[] size, long[] stride) {
        long expected = 1;
        for (int d = size.length - 1; d >= 0; d--) {
            if (size[d] != 1 && stride[d] != expected) return false;
            expected *= size[d];
        }
        return true;
    }
}
