package org.genrekit.models.classical;

import java.io.IOException;
import java.io.InputStream;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * An ObjectInputStream that refuses collections nested more than {@link #MAX_NESTING} deep.
 * A HashSet (or HashMap) hashes its elements as it is read, and a collection's hashCode hashes
 * all of its elements: 100 levels of sets that each hold the next level twice ("SerialDOS", 3 KB)
 * cost 2^100 hash calls. Each collection is checked as soon as it is complete, before its parent
 * hashes it, so at most 2^{@value #MAX_NESTING} calls are spent per element. Fitted pipelines nest
 * collections 2 or 3 deep.
 */
final class NestingGuard extends ObjectInputStream {
    static final int MAX_NESTING = 12;

    /** Nesting level of every complete collection read so far (identity: their hashCode is the problem). */
    private final Map<Object, Integer> levels = new IdentityHashMap<>();

    NestingGuard(InputStream in) throws IOException {
        super(in);
        enableResolveObject(true);
    }

    @Override
    protected Object resolveObject(Object obj) throws IOException {
        int level = 0;
        if (obj instanceof Collection<?> c) {
            for (Object e : c) level = Math.max(level, levelOf(e));
            level++;
        } else if (obj instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) level = Math.max(level, Math.max(levelOf(e.getKey()), levelOf(e.getValue())));
            level++;
        }
        if (level > MAX_NESTING) {
            throw new InvalidObjectException("refused the serialized pipeline: collections nest more than " + MAX_NESTING
                    + " deep (a hash-collision bomb)");
        }
        if (level > 0) levels.put(obj, level);
        return obj;
    }

    private int levelOf(Object o) {
        Integer l = o == null ? null : levels.get(o);
        return l == null ? 0 : l;
    }
}
