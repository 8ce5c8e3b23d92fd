package org.genrekit.models.classical;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;

/**
 * Java serialisation of fitted pipelines (Smile models are Serializable), read back through a
 * filter that admits only our, Smile's, XGBoost's and plain JDK classes: a model file must not be
 * able to instantiate arbitrary classes.
 */
public final class SafeDeserializer {
    private static final ObjectInputFilter FILTER = ObjectInputFilter.Config.createFilter(
            "maxdepth=200;maxrefs=50000000;maxbytes=1000000000;"
                    + "org.genrekit.models.**;smile.**;ml.dmlc.xgboost4j.**;java.lang.*;java.util.*;java.util.function.*;java.lang.invoke.SerializedLambda;[*;!*");

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
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(data))) {
            in.setObjectInputFilter(FILTER);
            Object o = in.readObject();
            if (!type.isInstance(o)) throw new IOException("expected a " + type.getSimpleName() + ", found " + o.getClass().getName());
            return type.cast(o);
        } catch (ClassNotFoundException e) {
            throw new IOException("the model needs class " + e.getMessage() + ", which this Genrekit does not have", e);
        }
    }
}
