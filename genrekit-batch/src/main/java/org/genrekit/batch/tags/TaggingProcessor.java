package org.genrekit.batch.tags;

import java.util.List;
import org.genrekit.batch.BatchItem;
import org.genrekit.batch.TrackProcessor;
import org.genrekit.batch.TrackResult;
import org.genrekit.models.ModelIdentity;

/**
 * {@code batch --write-tags}: after a file is classified, plans (and with {@code apply} writes)
 * its genre tag through {@link SafeTagWriter}. The outcome goes into the result's {@code tag}
 * column; a file whose tags cannot be written keeps its classification (the tag column says why).
 */
public final class TaggingProcessor implements TrackProcessor {
    private final TrackProcessor inner;
    private final SafeTagWriter writer;
    private final boolean apply;

    public TaggingProcessor(TrackProcessor inner, SafeTagWriter writer, boolean apply) {
        if (inner.labels().isEmpty()) throw new IllegalArgumentException("writing tags needs a model (--model), not only features");
        this.inner = inner;
        this.writer = writer;
        this.apply = apply;
    }

    @Override
    public List<String> labels() {
        return inner.labels();
    }

    @Override
    public ModelIdentity model() {
        return inner.model();
    }

    @Override
    public List<String> featureColumns() {
        return inner.featureColumns();
    }

    @Override
    public String describe() {
        return inner.describe() + ", tags " + writer.options().policy() + (apply ? "" : " (dry run)");
    }

    @Override
    public TrackResult process(BatchItem item) {
        TrackResult r = inner.process(item);
        if (!r.ok()) return r;
        if (!writer.options().sureEnough(r.probability())) return r.withTagAction(writer.options().belowMinimum(r.genre(), r.probability()));
        try {
            TagPlan plan = writer.plan(item.path(), r.genre(), r.probability());
            if (apply) writer.apply(plan);
            String what = plan.describe();
            return r.withTagAction(!plan.write() ? what : (apply ? "written: " : "planned: ") + what);
        } catch (TagWriteException e) {
            return r.withTagAction("failed: " + e.getMessage());
        }
    }
}
