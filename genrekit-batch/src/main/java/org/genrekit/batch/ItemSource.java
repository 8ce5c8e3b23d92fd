package org.genrekit.batch;

import java.io.IOException;
import java.util.stream.Stream;

/**
 * Where a batch's files come from: a folder tree, a file list, a dataset spec, single files. A
 * source is opened twice per run (once to count for the ETA, once to process), so {@link #open()}
 * must start from the beginning each time; it streams, so a folder of a million files costs no
 * list of a million paths.
 */
public interface ItemSource {
    /** Short description, e.g. {@code folder:/music}. */
    String name();

    /** The items, lazily; the caller closes the stream. */
    Stream<BatchItem> open() throws IOException;
}
