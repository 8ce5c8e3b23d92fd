package org.genrekit.models;

/**
 * A model's answer for one window of a track.
 *
 * @param probabilities one per label of the model
 * @param featureMillis time spent computing the window's features (or network input)
 * @param modelMillis   time spent in the model itself
 */
public record WindowScore(double[] probabilities, double featureMillis, double modelMillis) {
}
