package org.genrekit.models.classical;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.genrekit.core.provenance.Provenance;
import org.genrekit.models.bundle.BundleException;

/** Typed reads of manifest fields with messages naming the file and field. */
public final class Manifests {
    private Manifests() {
    }

    public static String string(Path file, Map<String, Object> m, String key) throws BundleException {
        if (m.get(key) instanceof String s) return s;
        throw new BundleException(file, "damaged model bundle: manifest field '" + key + "' is missing or not text");
    }

    public static List<String> labels(Path file, Map<String, Object> m) throws BundleException {
        if (m.get("labels") instanceof List<?> l && !l.isEmpty()) {
            List<String> out = new ArrayList<>();
            for (Object o : l) out.add(String.valueOf(o));
            return out;
        }
        throw new BundleException(file, "damaged model bundle: manifest field 'labels' is missing or empty");
    }

    /** Genrekit version + training date, e.g. "0.1.0+2026-11-22T16:40:00Z". */
    public static String version(Map<String, Object> m) {
        if (m.get("provenance") instanceof Map<?, ?> p) return Provenance.fromMap(p).label();
        return "unknown";
    }
}
