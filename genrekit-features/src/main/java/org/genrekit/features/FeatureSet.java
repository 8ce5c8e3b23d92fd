package org.genrekit.features;

import java.util.List;
import org.genrekit.audio.AudioDecodeException;
import org.genrekit.audio.LoadOptions;
import org.genrekit.audio.Signal;
import org.genrekit.audio.SignalSource;

/**
 * A named recipe that turns a decoded signal into one fixed-length vector (gtzan58, fma518).
 * Implementations are immutable and thread-safe.
 */
public interface FeatureSet {
    FeatureRecipe recipe();

    /** Column names of the vector, in order (no filename/label columns). */
    List<String> columns();

    /** How audio must be loaded for this set (sample rate; 0 = the file's own rate, as FMA does). */
    LoadOptions loadOptions();

    /** Computes the vector; the signal must be at {@link #loadOptions()}'s rate when that is not 0. */
    float[] extract(Signal signal);

    /**
     * Computes the vector of a signal read block by block (a file decoded as it is read): sets that
     * can, compute it in bounded memory whatever its length (gtzan58, fma518); the others read it
     * whole first.
     */
    default float[] extract(SignalSource source) throws AudioDecodeException {
        return extract(source.whole());
    }
}
