package org.genrekit.serve;

import org.genrekit.audio.Signal;

/** Draws the picture the web page shows for an upload: a PNG of the analysed audio. */
@FunctionalInterface
public interface SpectrogramRenderer {
    byte[] png(Signal signal);
}
