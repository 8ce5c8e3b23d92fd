package org.genrekit.apps.cli.backbone;

import org.genrekit.apps.cli.progress.ProgressBar;
import org.genrekit.backbone.store.Downloader;

/** Draws a download as Genrekit's progress bar in KiB (on stderr; a redrawn line on a terminal, plain lines in logs). */
final class DownloadBar implements Downloader.Listener, AutoCloseable {
    private final String label;
    private ProgressBar bar;
    private long shown;

    DownloadBar(String label) {
        this.label = label;
    }

    @Override
    public void progress(long done, long total) {
        if (bar == null) bar = new ProgressBar(label, total < 0 ? -1 : kib(total));
        long now = done == total ? kib(total) : done / 1024;
        if (now > shown) {
            bar.step(now - shown);
            shown = now;
        }
    }

    private static long kib(long bytes) {
        return (bytes + 1023) / 1024;
    }

    @Override
    public void close() {
        if (bar != null) bar.close();
    }
}
