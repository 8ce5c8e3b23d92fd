package org.genrekit.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/** librosa's measured seconds per 30 s clip, from {@code shared/golden/librosa-timings.json}. */
final class LibrosaTimings {
    /** One matched entry: its full key (printed, so the reader sees what we compared with) and seconds. */
    record Entry(String key, double seconds) {
    }

    private final JsonNode singleProcess;
    private final JsonNode throughput;

    LibrosaTimings(Path json) throws IOException {
        JsonNode root = new ObjectMapper().readTree(json.toFile());
        this.singleProcess = root.path("single_process");
        this.throughput = root.path("throughput");
    }

    /** The single-process entry whose key is {@code name} followed by a space (the call follows in parentheses). */
    Optional<Entry> single(String name) {
        return find(singleProcess, k -> k.equals(name) || k.startsWith(name + " "), "median_s");
    }

    /** The throughput entry (seconds per clip over several processes) whose key satisfies {@code match}. */
    Optional<Entry> throughput(Predicate<String> match) {
        return find(throughput, match, "s_per_clip");
    }

    /** The first entry, in the file's order, whose key matches and whose {@code field} is a number. */
    private static Optional<Entry> find(JsonNode section, Predicate<String> match, String field) {
        for (Map.Entry<String, JsonNode> e : section.properties()) {
            JsonNode v = e.getValue().path(field);
            if (match.test(e.getKey()) && v.isNumber()) return Optional.of(new Entry(e.getKey(), v.doubleValue()));
        }
        return Optional.empty();
    }
}
