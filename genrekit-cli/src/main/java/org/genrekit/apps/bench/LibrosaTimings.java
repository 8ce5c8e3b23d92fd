package org.genrekit.apps.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/** librosa's measured seconds per 30 s clip, from {@code shared/golden/librosa-timings.json}. */
final class LibrosaTimings {
    /** One matched entry: its full key (printed, so the reader sees what we compared with) and seconds. */
    record Entry(String key, double seconds) {
    }

    private final Map<String, Object> singleProcess;
    private final Map<String, Object> throughput;

    @SuppressWarnings("unchecked")
    LibrosaTimings(Path json) throws IOException {
        Map<String, Object> root = (Map<String, Object>) MiniJson.parse(Files.readString(json));
        this.singleProcess = (Map<String, Object>) root.getOrDefault("single_process", Map.of());
        this.throughput = (Map<String, Object>) root.getOrDefault("throughput", Map.of());
    }

    /** The single-process entry whose key is {@code name} followed by a space (the call follows in parentheses). */
    Optional<Entry> single(String name) {
        return find(singleProcess, k -> k.equals(name) || k.startsWith(name + " "), "median_s");
    }

    /** The throughput entry (seconds per clip over several processes) whose key satisfies {@code match}. */
    Optional<Entry> throughput(Predicate<String> match) {
        return find(throughput, match, "s_per_clip");
    }

    @SuppressWarnings("unchecked")
    private static Optional<Entry> find(Map<String, Object> section, Predicate<String> match, String field) {
        for (Map.Entry<String, Object> e : section.entrySet()) {
            if (match.test(e.getKey()) && e.getValue() instanceof Map<?, ?> m && m.get(field) instanceof Double d) {
                return Optional.of(new Entry(e.getKey(), d));
            }
        }
        return Optional.empty();
    }
}
