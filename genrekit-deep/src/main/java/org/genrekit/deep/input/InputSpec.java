package org.genrekit.deep.input;

import org.genrekit.deep.arch.ArchSpec.InputKind;
import org.genrekit.features.FeatureRecipe;

/**
 * What a network reads: the kind of input, the recipe that makes it from audio, and the chunk
 * geometry (rows x width). Spectrogram tracks are cut into chunks of {@code width} frames;
 * pictures and vectors are one chunk per track.
 */
public record InputSpec(InputKind kind, FeatureRecipe recipe, int rows, int width) {
    public InputSpec {
        if (rows <= 0) throw new IllegalArgumentException("rows must be > 0, got " + rows);
        if (width <= 0) throw new IllegalArgumentException("width must be > 0, got " + width);
    }
}
