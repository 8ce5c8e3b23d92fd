package org.genrekit.core.provenance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProvenanceTest {
    @Test
    void versionsComeFromTheFilteredResource() {
        Versions v = Versions.built();
        assertFalse(v.genrekit().isBlank());
        assertFalse(v.genrekit().contains("${"), v.genrekit());
        assertTrue(v.libraries().containsKey("smile"), v.libraries().toString());
        assertTrue(v.libraries().containsKey("djl"), v.libraries().toString());
        v.libraries().forEach((k, x) -> assertFalse(x.isBlank() || x.contains("${"), k + "=" + x));
    }

    @Test
    void nowWritesOneKeySetAndReadsBack() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("data", "gtzan");
        details.put("seed", 42);
        Provenance p = Provenance.now(details);
        Map<String, Object> m = p.toMap();
        assertEquals(List.of("genrekit_version", "created", "java_version", "libraries", "data", "seed"),
                List.copyOf(m.keySet()).stream().filter(k -> !k.equals("git_commit")).toList());
        assertEquals(Versions.built().genrekit(), m.get("genrekit_version"));
        assertEquals(Runtime.version().toString(), m.get("java_version"));
        Provenance back = Provenance.fromMap(m);
        assertEquals(p, back);
    }

    @Test
    void readsOldClassicalKeys() {
        Map<String, Object> old = new LinkedHashMap<>();
        old.put("genrekit_version", "0.1.0");
        old.put("data", "d.yaml");
        old.put("seed", 1);
        old.put("date", "2026-11-22T16:40:00Z");
        old.put("java", "25+36");
        old.put("libraries", "smile 6.3.0, xgboost4j 3.0.4");
        Provenance p = Provenance.fromMap(old);
        assertEquals("0.1.0", p.genrekitVersion());
        assertEquals(Instant.parse("2026-11-22T16:40:00Z"), p.created());
        assertEquals("25+36", p.javaVersion());
        assertEquals(Map.of("smile", "6.3.0", "xgboost4j", "3.0.4"), p.libraries());
        assertEquals(Map.of("data", "d.yaml", "seed", 1), p.details());
        assertEquals("0.1.0+2026-11-22T16:40:00Z", p.label());
    }

    @Test
    void readsOldDeepKeys() {
        Map<String, Object> old = new LinkedHashMap<>();
        old.put("created", "2026-11-30T10:11:12.123456Z");
        old.put("genrekit", "0.1.0");
        old.put("architecture", "cnn");
        old.put("engine", "DJL 0.35.1 / PyTorch 2.7.1");
        Provenance p = Provenance.fromMap(old);
        assertEquals("0.1.0", p.genrekitVersion());
        assertEquals(Instant.parse("2026-11-30T10:11:12.123456Z"), p.created());
        assertNull(p.javaVersion());
        assertEquals("cnn", p.details().get("architecture"));
        assertEquals(Map.of(), p.libraries());
    }

    @Test
    void nothingKnownIsUnknown() {
        assertEquals("unknown", Provenance.fromMap(Map.of()).label());
    }

    @Test
    void aDetailCannotHideAField() {
        assertEquals("provenance detail 'created' would hide the field of that name",
                assertThrows(IllegalArgumentException.class, () -> Provenance.now(Map.of("created", "x"))).getMessage());
    }
}
