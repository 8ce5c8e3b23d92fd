package org.genrekit.deep.train;

import java.util.List;

/** What a checkpoint directory remembers between runs (state.json). */
public record CheckpointState(String config, int epoch, List<EpochStats> history, int bestEpoch,
                              double bestValidAccuracy, double bestValidLoss, int sinceBest) {
}
