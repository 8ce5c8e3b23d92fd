package org.genrekit.batch.io;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import org.genrekit.batch.TrackResult;
import org.genrekit.models.result.ResultJson;

/**
 * Results as JSON Lines, one object per line, appended as each file finishes: with a model, the
 * one result object ({@link ResultJson}, docs/result-schema.md) plus batch's {@code id},
 * {@code millis} and, when asked, {@code tag} and {@code features}; features only:
 * {@code {"file", "id", "analysed_s", "millis", "features": [..]}}.
 */
public final class JsonlResultSink implements ResultSink {
    private final ResultColumns columns;
    private final LineLog log;

    public JsonlResultSink(Path file, ResultColumns columns) throws IOException {
        this.columns = columns;
        this.log = LineLog.open(file, null, false);
    }

    @Override
    public void write(TrackResult r) throws IOException {
        ObjectNode o = columns.hasModel() ? ResultJson.of(r.result()) : ResultJson.MAPPER.createObjectNode().put("file", r.item().key());
        o.put("id", r.item().id());
        if (!columns.hasModel()) {
            if (Double.isNaN(r.durationSeconds())) o.putNull("analysed_s");
            else o.put("analysed_s", r.durationSeconds());
        }
        o.put("millis", Math.round(r.millis() * 10) / 10.0);
        if (columns.tags()) o.put("tag", r.tagAction());
        if (!columns.featureColumns().isEmpty()) {
            ArrayNode a = o.putArray("features");
            for (float v : r.features()) a.add(v);
        }
        log.append(ResultJson.line(o));
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
