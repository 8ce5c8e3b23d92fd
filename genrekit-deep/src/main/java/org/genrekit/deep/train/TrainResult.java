package org.genrekit.deep.train;

import java.util.List;
import org.genrekit.deep.DeepModel;

/**
 * A finished run: the model holds the best epoch's parameters.
 *
 * @param resumedFrom first epoch run in this process (1 unless resumed)
 * @param stoppedEarly whether early stopping ended the run before the last epoch
 */
public record TrainResult(DeepModel model, List<EpochStats> history, int bestEpoch, double bestValidAccuracy,
                          double bestValidLoss, double seconds, int resumedFrom, boolean stoppedEarly) {
}
