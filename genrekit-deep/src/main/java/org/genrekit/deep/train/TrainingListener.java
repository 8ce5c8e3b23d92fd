package org.genrekit.deep.train;

/**
 * What a training run tells as it goes; the application decides how to show it (progress bars,
 * one line per epoch, nothing). Every method does nothing by default. Input methods are called
 * from the loader's threads.
 */
public interface TrainingListener {
    /** Shows nothing. */
    TrainingListener NONE = new TrainingListener() {
    };

    /** Inputs of {@code files} files are about to be made (decoded, or read from the cache). */
    default void inputsStarted(String what, int files) {
    }

    default void inputLoaded(String trackId) {
    }

    /** A file that could not be read; it is left out. */
    default void inputFailed(String trackId, String reason) {
    }

    default void inputsFinished(String what, int loaded, int files) {
    }

    /** A run continues from a checkpoint. */
    default void resumed(int epoch, int epochs) {
    }

    default void epochStarted(int epoch, int epochs, int steps) {
    }

    /** After each step: the epoch's running training loss and accuracy. */
    default void stepFinished(double loss, double accuracy) {
    }

    /** After each epoch's validation and checkpoint. */
    default void epochFinished(EpochStats stats, int epochs, boolean best) {
    }

    default void stoppedEarly(int patience) {
    }

    default void foldStarted(int fold, int folds, String grouping, int trainTracks, int innerValidTracks, int testTracks) {
    }

    default void foldFinished(DeepCrossValidation.Fold result, int folds) {
    }
}
