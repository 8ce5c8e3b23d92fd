package org.genrekit.backbone.store;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.razorvine.pickle.IObjectConstructor;
import net.razorvine.pickle.Opcodes;
import net.razorvine.pickle.PickleException;
import net.razorvine.pickle.Unpickler;

/**
 * Unpickles the {@code data.pkl} of a {@code torch.save} zip without running any Python: storages
 * become {@link StorageRef}s (their bytes stay in the zip), {@code torch._utils._rebuild_tensor_v2}
 * becomes a {@link TensorRef}, dicts keep their order. Unknown classes become razorvine's inert
 * {@code ClassDict}s, so a hostile pickle cannot execute anything.
 */
final class TorchUnpickler extends Unpickler {
    /** The legacy storage classes {@code torch.save} names in a storage's persistent id. */
    private static final List<String> STORAGE_TYPES = List.of("FloatStorage", "DoubleStorage", "HalfStorage", "BFloat16Storage",
            "LongStorage", "IntStorage", "ShortStorage", "CharStorage", "ByteStorage", "BoolStorage", "ComplexFloatStorage",
            "ComplexDoubleStorage", "QUInt8Storage", "QInt8Storage", "QInt32Storage", "QUInt4x2Storage", "QUInt2x4Storage",
            "UntypedStorage");

    static {
        for (String t : STORAGE_TYPES) registerConstructor("torch", t, new StorageType(t));
        registerConstructor("torch._utils", "_rebuild_tensor_v2", TorchUnpickler::rebuildTensor);
        registerConstructor("torch._utils", "_rebuild_parameter", TorchUnpickler::rebuildParameter);
        registerConstructor("collections", "OrderedDict", TorchUnpickler::orderedDict);
    }

    /** A storage class such as {@code torch.FloatStorage}, as it appears in a persistent id. */
    record StorageType(String name) implements IObjectConstructor {
        @Override
        public Object construct(Object[] args) {
            throw new PickleException("torch." + name + " is not constructed in a state dict");
        }
    }

    /** One storage of the zip: {@code TOP/data/KEY}, {@code numel} elements of {@code type}. */
    record StorageRef(String key, String type, long numel) {
    }

    /** A tensor view on a storage (element offset, sizes and strides in elements). */
    record TensorRef(StorageRef storage, long offset, long[] size, long[] stride) {
        @Override
        public String toString() {
            return "tensor" + Arrays.toString(size) + " on storage " + storage.key();
        }
    }

    /** {@code collections.OrderedDict}: the state dict's own type; its {@code _metadata} attribute is dropped. */
    static final class PyOrderedDict extends LinkedHashMap<Object, Object> {
    }

    @Override
    protected Object dispatch(short key) throws java.io.IOException {
        if (key == Opcodes.EMPTY_DICT) { // razorvine makes a HashMap; keep the state dict's order
            stack.add(new LinkedHashMap<>());
            return NO_RETURN_VALUE;
        }
        if (key == Opcodes.SETITEMS) { // razorvine collects the items in a HashMap first; keep their order
            List<Object> items = stack.pop_all_since_marker();
            if (items.size() % 2 != 0 || !(stack.peek() instanceof Map<?, ?>)) throw new PickleException("SETITEMS without a dict or with an odd item count");
            @SuppressWarnings("unchecked")
            Map<Object, Object> target = (Map<Object, Object>) stack.peek();
            for (int i = 0; i < items.size(); i += 2) target.put(items.get(i), items.get(i + 1));
            return NO_RETURN_VALUE;
        }
        if (key == Opcodes.BUILD && stack.size() >= 2) {
            Object state = stack.pop();
            if (stack.peek() instanceof PyOrderedDict) return NO_RETURN_VALUE; // instance attributes (_metadata) are not needed
            stack.add(state);
        }
        return super.dispatch(key);
    }

    @Override
    protected Object persistentLoad(Object pid) {
        if (!(pid instanceof Object[] t) || t.length != 5 || !"storage".equals(t[0])) {
            throw new PickleException("unsupported persistent id " + describe(pid) + " (expected ('storage', type, key, location, numel))");
        }
        if (!(t[1] instanceof StorageType type)) throw new PickleException("unknown storage type " + describe(t[1]));
        if (!(t[2] instanceof String key)) throw new PickleException("storage key is not a string: " + describe(t[2]));
        return new StorageRef(key, type.name(), number(t[4], "storage size"));
    }

    private static Object rebuildTensor(Object[] args) {
        if (args.length != 6 && args.length != 7) throw new PickleException("_rebuild_tensor_v2 with " + args.length + " arguments");
        if (!(args[0] instanceof StorageRef storage)) throw new PickleException("_rebuild_tensor_v2 without a storage: " + describe(args[0]));
        return new TensorRef(storage, number(args[1], "storage offset"), dims(args[2], "size"), dims(args[3], "stride"));
    }

    private static Object rebuildParameter(Object[] args) {
        if (args.length < 1 || !(args[0] instanceof TensorRef t)) throw new PickleException("_rebuild_parameter without a tensor");
        return t;
    }

    private static Object orderedDict(Object[] args) {
        PyOrderedDict d = new PyOrderedDict();
        if (args.length == 0) return d;
        if (args.length == 1 && args[0] instanceof List<?> pairs) {
            for (Object p : pairs) {
                if (!(p instanceof Object[] kv) || kv.length != 2) throw new PickleException("OrderedDict item is not a pair: " + describe(p));
                d.put(kv[0], kv[1]);
            }
            return d;
        }
        throw new PickleException("OrderedDict with arguments " + describe(args));
    }

    private static long number(Object o, String what) {
        if (o instanceof Integer || o instanceof Long) return ((Number) o).longValue();
        throw new PickleException(what + " is not an integer: " + describe(o));
    }

    private static long[] dims(Object o, String what) {
        if (!(o instanceof Object[] t)) throw new PickleException(what + " is not a tuple: " + describe(o));
        long[] out = new long[t.length];
        for (int i = 0; i < t.length; i++) out[i] = number(t[i], what);
        return out;
    }

    static String describe(Object o) {
        if (o instanceof Object[] a) return Arrays.deepToString(a);
        return o == null ? "None" : o.getClass().getSimpleName() + " " + o;
    }
}
