package org.genrekit.models.classical;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;

/**
 * Java serialisation of fitted pipelines (Smile models are Serializable), read back through a
 * filter that admits only our, Smile's, XGBoost's and plain JDK classes: a model file must not be
 * able to instantiate arbitrary classes. A model file is untrusted input, so reading it is also
 * bounded: depth, references, bytes and array sizes ({@link StreamLimits}), and how deeply hashed
 * collections nest ({@link NestingGuard}: nested HashSets make hashCode exponential, "SerialDOS").
 * Every refusal is an IOException with one line saying why.
 */
public final class SafeDeserializer {
    private static final ObjectInputFilter CLASSES = ObjectInputFilter.Config.createFilter(
            "org.genrekit.models.**;smile.**;ml.dmlc.xgboost4j.**;java.lang.*;java.util.*;java.util.function.*;java.lang.invoke.SerializedLambda;[*;!*");

    private SafeDeserializer() {
    }

    public static byte[] write(Serializable o) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(b)) {
            out.writeObject(o);
        }
        return b.toByteArray();
    }

    public static <T> T read(byte[] data, Class<T> type) throws IOException {
        StreamLimits limits = new StreamLimits(data.length, CLASSES);
        try (ObjectInputStream in = new NestingGuard(new ByteArrayInputStream(data))) {
            in.setObjectInputFilter(limits);
            Object o = in.readObject();
            if (!type.isInstance(o)) throw new IOException("expected a " + type.getSimpleName() + ", found " + o.getClass().getName());
            return type.cast(o);
        } catch (InvalidClassException e) {
            throw new IOException(limits.refusal() != null ? limits.refusal() : e.getMessage(), e);
        } catch (ClassNotFoundException e) {
            throw new IOException("the model needs class " + e.getMessage() + ", which this Genrekit does not have", e);
        } catch (StackOverflowError | OutOfMemoryError e) {
            throw new IOException("the serialized pipeline is malformed (" + e.getClass().getSimpleName() + " while reading it)", e);
        }
    }
}
