package org.genrekit.deep.input;

import org.genrekit.audio.LoadOptions;
import org.genrekit.audio.Signal;
import org.genrekit.features.FeatureRecipe;
import org.genrekit.features.backbone.EfficientAtMel;

/**
 * The input of the mn04 backbone: EfficientAT's log-mel (32 kHz, 128 bands, hop 320, its fixed
 * normalisation) of the whole track, {@code [128][frames]}; the network reads 10 s windows of it
 * (1000 frames).
 */
public final class BackboneMel {
    public static final String NAME = "efficientat-mel";
    public static final FeatureRecipe RECIPE = FeatureRecipe.of(NAME);
    private static final EfficientAtMel FRONT_END = EfficientAtMel.audioSet();
    public static final int SAMPLE_RATE = FRONT_END.config().sampleRate();
    public static final int BANDS = FRONT_END.config().nMels();
    /** Frames in a 10 s window. */
    public static final int WINDOW_FRAMES = 10 * SAMPLE_RATE / FRONT_END.config().hopLength();

    private BackboneMel() {
    }

    public static float[][] compute(Signal signal) {
        if (signal.sampleRate() != SAMPLE_RATE) {
            throw new IllegalArgumentException("the backbone's log-mel needs audio at " + SAMPLE_RATE + " Hz, got " + signal.sampleRate() + " Hz");
        }
        return FRONT_END.compute(signal.samples());
    }

    public static LoadOptions loadOptions() {
        return LoadOptions.atRate(SAMPLE_RATE);
    }

    public static double framesPerSecond() {
        return SAMPLE_RATE / (double) FRONT_END.config().hopLength();
    }
}
