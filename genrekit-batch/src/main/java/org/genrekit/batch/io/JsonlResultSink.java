package org.genrekit.batch.io;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import org.genrekit.batch.TrackResult;

/**
 * Results as JSON Lines: {@code {"path":..,"id":..,"genre":..,"probability":..,
 * "probabilities":{label:p,..},"duration_s":..,"millis":..,"tag":..,"features":[..]}}, one
 * object per line, appended as each file finishes.
 */
public final class JsonlResultSink implements ResultSink {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ResultColumns columns;
    private final LineLog log;

    public JsonlResultSink(Path file, ResultColumns columns) throws IOException {
        this.columns = columns;
        this.log = LineLog.open(file, null, false);
    }

    @Override
    public void write(TrackResult r) throws IOException {
        ObjectNode o = JSON.createObjectNode();
        o.put("path", r.item().key());
        o.put("id", r.item().id());
        if (columns.hasModel()) {
            o.put("genre", r.genre());
            o.put("probability", r.probability());
            ObjectNode p = o.putObject("probabilities");
            for (int i = 0; i < r.labels().size(); i++) p.put(r.labels().get(i), r.probabilities()[i]);
        }
        if (Double.isNaN(r.durationSeconds())) o.putNull("duration_s");
        else o.put("duration_s", r.durationSeconds());
        o.put("millis", Math.round(r.millis() * 10) / 10.0);
        if (columns.tags()) o.put("tag", r.tagAction());
        if (!columns.featureColumns().isEmpty()) {
            ArrayNode a = o.putArray("features");
            for (float v : r.features()) a.add(v);
        }
        log.append(JSON.writeValueAsString(o));
    }

    @Override
    public void tick() throws IOException {
        log.syncEvery(5000);
    }

    @Override
    public void close() throws IOException {
        log.close();
    }
}
