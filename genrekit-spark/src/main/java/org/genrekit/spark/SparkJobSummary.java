package org.genrekit.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * What a job run did; written as JSON beside the output ({@link OutputFolder#SUMMARY}).
 *
 * @param out                 the output folder
 * @param format              its format
 * @param model               the model, or null for features only
 * @param features            the feature recipe, or null
 * @param files               input files
 * @param skipped             files already in the output from earlier runs
 * @param ok                  files processed successfully in this run
 * @param failed              files that got an error row in this run
 * @param natives             this run's rows by executor MP3 decoder / resampler ({@link Natives#key()})
 * @param removedUncommitted  whether a killed run's uncommitted output was removed first
 * @param seconds             wall time
 */
public record SparkJobSummary(String out, OutputFormat format, ModelInfo model, String features, long files, long skipped,
                              long ok, long failed, Map<String, Long> natives, boolean removedUncommitted, double seconds) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public SparkJobSummary {
        natives = Map.copyOf(natives);
    }

    public long processed() {
        return ok + failed;
    }

    /** Rows of this run that did not use both native libraries (see {@link Natives}). */
    public long withoutNatives() {
        long n = 0;
        for (var e : natives.entrySet()) if (!e.getKey().equals(new Natives(Natives.LIBSNDFILE, Natives.LIBSOXR).key())) n += e.getValue();
        return n;
    }

    public JsonNode toJson() {
        ObjectNode o = JSON.createObjectNode();
        o.put("out", out);
        o.put("format", format.id());
        if (model != null) {
            ObjectNode m = o.putObject("model");
            m.put("name", model.name());
            m.put("version", model.version());
            m.put("sha256", model.sha256());
        }
        if (features != null) o.put("features", features);
        o.put("files", files);
        o.put("skipped", skipped);
        o.put("ok", ok);
        o.put("failed", failed);
        ObjectNode n = o.putObject("natives");
        natives.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> n.put(e.getKey(), e.getValue()));
        o.put("rows_without_native_libraries", withoutNatives());
        o.put("removed_uncommitted_output", removedUncommitted);
        o.put("seconds", Math.round(seconds * 10) / 10.0);
        return o;
    }
}
