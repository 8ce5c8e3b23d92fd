package org.genrekit.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A small check of a result against docs/result.schema.json: every {@code required} field present,
 * with one of its {@code type}s, recursively through {@code properties}, {@code items} and
 * {@code additionalProperties} (the subset of JSON Schema the result schema uses), so that the
 * documented schema and the real outputs cannot drift apart.
 */
final class SchemaCheck {
    private final JsonNode schema;

    private SchemaCheck(JsonNode schema) {
        this.schema = schema;
    }

    /** The schema in the repository's docs (tests run in a module folder). */
    static SchemaCheck fromDocs() throws IOException {
        Path p = Path.of("..", "docs", "result.schema.json");
        return new SchemaCheck(new ObjectMapper().readTree(Files.readString(p)));
    }

    /** What is wrong with {@code value}; empty when it conforms. */
    List<String> problems(JsonNode value) {
        List<String> out = new ArrayList<>();
        check(schema, value, "$", out);
        return out;
    }

    private static void check(JsonNode s, JsonNode v, String at, List<String> out) {
        JsonNode type = s.get("type");
        if (type != null) {
            boolean ok = false;
            for (JsonNode t : type.isArray() ? type : List.of(type)) ok |= is(t.asText(), v);
            if (!ok) {
                out.add(at + ": expected " + type + ", got " + v.getNodeType());
                return;
            }
        }
        if (v.isObject()) {
            for (JsonNode r : s.path("required")) if (!v.has(r.asText())) out.add(at + ": required field '" + r.asText() + "' missing");
            s.path("properties").properties().forEach(e -> {
                if (v.has(e.getKey())) check(e.getValue(), v.get(e.getKey()), at + "." + e.getKey(), out);
            });
            JsonNode extra = s.get("additionalProperties");
            if (extra != null && extra.isObject()) {
                v.properties().forEach(e -> {
                    if (!s.path("properties").has(e.getKey())) check(extra, e.getValue(), at + "." + e.getKey(), out);
                });
            }
        }
        if (v.isArray() && s.has("items")) {
            for (int i = 0; i < v.size(); i++) check(s.get("items"), v.get(i), at + "[" + i + "]", out);
        }
    }

    private static boolean is(String type, JsonNode v) {
        return switch (type) {
            case "object" -> v.isObject();
            case "array" -> v.isArray();
            case "string" -> v.isTextual();
            case "integer" -> v.isIntegralNumber();
            case "number" -> v.isNumber();
            case "boolean" -> v.isBoolean();
            case "null" -> v.isNull();
            default -> throw new IllegalArgumentException("type '" + type + "' is not one the result schema uses");
        };
    }
}
