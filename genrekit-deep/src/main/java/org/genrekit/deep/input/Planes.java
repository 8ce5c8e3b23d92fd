package org.genrekit.deep.input;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.genrekit.audio.LoadOptions;
import org.genrekit.audio.Signal;
import org.genrekit.deep.arch.ArchSpec.InputKind;
import org.genrekit.features.FeatureRecipe;
import org.genrekit.features.sets.LogMel;

/**
 * What a network reads, made from audio or from a picture file. Log-mels are genrekit-features'
 * {@link LogMel} with the recipe's explicit parameters; a spectrogram picture's recipe is the
 * log-mel recipe plus {@code image=HxW}; a picture file's recipe is {@code picture{height,width}}.
 */
public final class Planes {
    /** Name of the recipe of pictures read from image files. */
    public static final String PICTURE = "picture";
    private static final String IMAGE_SIZE = "image";

    private Planes() {
    }

    /** The recipe of pictures read from files, resized to height x width. */
    public static FeatureRecipe pictureRecipe(int height, int width) {
        return new FeatureRecipe(PICTURE, Map.of("height", Integer.toString(height), "width", Integer.toString(width)));
    }

    /** The recipe of whole-track log-mel pictures: the log-mel's recipe and the picture size. */
    public static FeatureRecipe imageRecipe(LogMel logMel, int height, int width) {
        return logMel.recipe().with(IMAGE_SIZE, height + "x" + width);
    }

    /** The log-mel of a spectrogram or picture recipe. */
    public static LogMel logMel(FeatureRecipe recipe) {
        Map<String, String> p = new java.util.TreeMap<>(recipe.params());
        p.remove(IMAGE_SIZE);
        return LogMel.fromRecipe(new FeatureRecipe(recipe.name(), p));
    }

    /** The plane of one signal for an input spec. */
    public static float[][] of(InputSpec spec, Signal signal) {
        return switch (spec.kind()) {
            case SPECTROGRAM -> logMel(spec.recipe()).compute(signal);
            case IMAGE -> Images.fromLogMel(logMel(spec.recipe()).compute(signal), spec.rows(), spec.width());
            case BACKBONE_MEL -> BackboneMel.compute(signal);
            case IMAGE_FILE -> throw picturesOnly();
        };
    }

    /** The plane of a picture file ({@link InputKind#IMAGE_FILE}). */
    public static float[][] ofPicture(InputSpec spec, Path file) throws IOException {
        if (spec.kind() != InputKind.IMAGE_FILE) throw new IllegalArgumentException("a " + spec.kind() + " input is made from audio, not from a picture");
        return Images.fromFile(file, spec.rows(), spec.width());
    }

    /** How audio must be decoded for a spec. */
    public static LoadOptions loadOptions(InputSpec spec) {
        return switch (spec.kind()) {
            case SPECTROGRAM, IMAGE -> LoadOptions.atRate(logMel(spec.recipe()).sampleRate());
            case BACKBONE_MEL -> BackboneMel.loadOptions();
            case IMAGE_FILE -> throw picturesOnly();
        };
    }

    /** Columns per second of a chunked input. */
    public static double framesPerSecond(InputSpec spec) {
        return switch (spec.kind()) {
            case SPECTROGRAM -> {
                LogMel m = logMel(spec.recipe());
                yield m.sampleRate() / (double) m.hopLength();
            }
            case BACKBONE_MEL -> BackboneMel.framesPerSecond();
            default -> throw new IllegalArgumentException("a " + spec.kind() + " input is one picture per track, not frames in time");
        };
    }

    private static IllegalArgumentException picturesOnly() {
        return new IllegalArgumentException("this model reads spectrogram pictures from image files (it was trained on an images: dataset), not audio");
    }
}
