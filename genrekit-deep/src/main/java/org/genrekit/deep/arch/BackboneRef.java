package org.genrekit.deep.arch;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The pretrained backbone a network was built on: its name and the SHA-256 of the weights file it
 * was installed from (what bundles record instead of the weights).
 */
public record BackboneRef(String name, String sha256) {
    /** The bundle manifest's {@code backbone} field. */
    public Map<String, Object> manifestField() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("sha256", sha256);
        return m;
    }
}
