package org.genrekit.apps.cli.batch;

import org.genrekit.apps.cli.progress.ProgressBar;
import org.genrekit.batch.BatchProgress;
import org.genrekit.batch.BatchSummary;
import org.genrekit.batch.TrackResult;

/** Shows a batch run as Genrekit's progress bar (rate, ETA, failures) on stderr. */
final class BarProgress implements BatchProgress {
    private final String label;
    private ProgressBar bar;

    BarProgress(String label) {
        this.label = label;
    }

    @Override
    public void total(long files) {
        bar = new ProgressBar(label, files);
    }

    @Override
    public void done(TrackResult r) {
        if (bar == null) return;
        if (r.ok()) bar.step();
        else bar.fail();
    }

    @Override
    public void finish(BatchSummary summary) {
        if (bar != null) bar.close();
    }
}
