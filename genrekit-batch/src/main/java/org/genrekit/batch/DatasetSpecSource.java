package org.genrekit.batch;

import java.io.IOException;
import java.util.stream.Stream;
import org.genrekit.data.Track;
import org.genrekit.data.TrackSource;
import org.genrekit.data.spec.DatasetSpecs;

/**
 * The tracks of a dataset spec ({@code gtzan:DIR}, {@code fma:DIR?audio=..}, {@code manifest:FILE}
 * ...), with the dataset's own track ids. A spec's metadata is read once when opened (it is a list
 * of paths and labels, not audio); tracks the metadata lists without a file are left out.
 */
public final class DatasetSpecSource implements ItemSource {
    private final String spec;
    private final TrackSource source;

    public DatasetSpecSource(String spec) throws IOException {
        this.spec = spec;
        this.source = DatasetSpecs.tracks(spec);
    }

    @Override
    public String name() {
        return source.name();
    }

    public String spec() {
        return spec;
    }

    @Override
    public Stream<BatchItem> open() {
        return source.tracks().stream().filter(Track::hasAudio).map(t -> new BatchItem(t.id(), t.audio()));
    }
}
