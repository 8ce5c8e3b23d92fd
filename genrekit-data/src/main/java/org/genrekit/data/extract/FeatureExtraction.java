package org.genrekit.data.extract;

import org.genrekit.audio.AudioDecodeException;
import org.genrekit.audio.LoadOptions;
import org.genrekit.audio.SignalSource;
import org.genrekit.data.split.Segment;
import org.genrekit.features.FeatureSet;
import org.genrekit.features.NonFiniteFeaturesException;

/** The standard per-item computation: decode a segment as the feature set wants it, then extract. */
public final class FeatureExtraction {
    private FeatureExtraction() {
    }

    /** Decode + extract for segments (whole tracks or spans). */
    public static ParallelExtractor.Compute<Segment> compute(FeatureSet set) {
        return seg -> {
            if (seg.track().audio() == null) {
                throw new AudioDecodeException(java.nio.file.Path.of(seg.trackId()), AudioDecodeException.Reason.NOT_FOUND, "track " + seg.trackId() + " has no audio file");
            }
            LoadOptions o = set.loadOptions();
            if (!seg.isWhole()) o = o.withOffset(seg.offsetSeconds()).withDuration(seg.durationSeconds());
            // Read as a stream: gtzan58 and fma518 compute hours of audio in bounded memory (short files are decoded once, whole).
            float[] v = set.extract(SignalSource.of(seg.track().audio(), o));
            if (v.length != set.columns().size()) {
                throw new IllegalStateException(set.recipe().id() + " returned " + v.length + " values, expected " + set.columns().size());
            }
            try {
                NonFiniteFeaturesException.requireFinite(v, set.columns()); // a row of NaN is a failure, not a result
            } catch (NonFiniteFeaturesException e) {
                throw e.forFile(seg.track().audio());
            }
            return v;
        };
    }
}
