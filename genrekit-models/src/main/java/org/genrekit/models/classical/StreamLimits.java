package org.genrekit.models.classical;

import java.io.ObjectInputFilter;
import java.util.Locale;

/**
 * The resource limits of reading one serialized pipeline of {@code streamBytes} bytes, then the
 * class allow-list. Real pipelines measured (Kaggle GTZAN table, every model, random forest of 300
 * trees and an ensemble included) reach depth 29, 126,000 references and arrays far below their
 * stream's size; the limits leave ample room above that and none for a bomb:
 * <ul>
 *   <li>{@code maxdepth} 200, {@code maxbytes} = the stream's size, {@code maxrefs} = the stream's
 *       size (a reference takes 5 bytes);</li>
 *   <li>{@code maxarray}: an array can never hold more elements than the bytes left in the stream
 *       could fill ({@code long[0x7ffffff0]} declared in a 35-byte stream is refused before its
 *       16 GB are allocated).</li>
 * </ul>
 * Not thread-safe: one instance per stream. {@link #refusal()} tells why the last check failed.
 */
final class StreamLimits implements ObjectInputFilter {
    static final int MAX_DEPTH = 200;

    private final long streamBytes;
    private final ObjectInputFilter classes;
    private String refusal;

    StreamLimits(long streamBytes, ObjectInputFilter classes) {
        this.streamBytes = streamBytes;
        this.classes = classes;
    }

    /** Why the stream was refused, or null. */
    String refusal() {
        return refusal;
    }

    @Override
    public Status checkInput(FilterInfo info) {
        if (info.depth() > MAX_DEPTH) {
            return refuse("objects nest more than " + MAX_DEPTH + " deep");
        }
        if (info.references() > streamBytes) {
            return refuse("it declares more objects (" + info.references() + ") than its " + streamBytes + " bytes can hold");
        }
        if (info.streamBytes() > streamBytes) {
            return refuse("it reads past its own " + streamBytes + " bytes");
        }
        if (info.arrayLength() >= 0) {
            Class<?> type = info.serialClass() == null ? null : info.serialClass().getComponentType();
            long need = info.arrayLength() * elementBytes(type);
            long left = streamBytes - info.streamBytes();
            if (need > left) {
                return refuse(String.format(Locale.ROOT, "it declares an array of %d %s, which would need %d bytes, but only %d are left",
                        info.arrayLength(), type == null ? "elements" : type.getSimpleName() + "s", need, left));
            }
        }
        Status s = classes.checkInput(info);
        if (s == Status.REJECTED) return refuse("class " + info.serialClass().getName() + " is not allowed in a model file");
        return s;
    }

    private Status refuse(String why) {
        refusal = "refused the serialized pipeline: " + why;
        return Status.REJECTED;
    }

    /** The fewest stream bytes one element of an array of {@code type} takes (a reference: TC_NULL, one byte). */
    static long elementBytes(Class<?> type) {
        if (type == long.class || type == double.class) return 8;
        if (type == int.class || type == float.class) return 4;
        if (type == short.class || type == char.class) return 2;
        return 1;
    }
}
