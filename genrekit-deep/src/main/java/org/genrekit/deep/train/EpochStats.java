package org.genrekit.deep.train;

/** One epoch's figures (validation figures are track-level: mean of chunk probabilities). */
public record EpochStats(int epoch, double trainLoss, double trainAccuracy, double validLoss, double validAccuracy,
                         double learningRate, double seconds) {
}
