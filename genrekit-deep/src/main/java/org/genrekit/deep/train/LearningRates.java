package org.genrekit.deep.train;

import ai.djl.training.tracker.ParameterTracker;
import ai.djl.training.tracker.Tracker;
import java.util.Locale;
import java.util.Set;
import org.genrekit.deep.DeepModel;
import org.genrekit.deep.arch.TransferNet;

/**
 * Learning rate per parameter: the schedule for everything, scaled down for a pretrained
 * backbone's fine-tuned blocks (their peak is {@link TrainConfig#effectiveBackboneLearningRate()}).
 */
final class LearningRates {
    private static final System.Logger LOG = System.getLogger(LearningRates.class.getName());

    private LearningRates() {
    }

    static ParameterTracker of(Tracker schedule, DeepModel model, TrainConfig cfg) {
        if (!(model.block() instanceof TransferNet net)) return schedule;
        Set<String> backbone = net.backboneParameterIds();
        float ratio = (float) (cfg.effectiveBackboneLearningRate() / cfg.learningRate());
        LOG.log(System.Logger.Level.INFO, () -> String.format(Locale.ROOT, "%s: %d trained parameter tensors, backbone blocks at %.3g x the head's learning rate",
                cfg.arch().name(), net.trained().size(), ratio));
        return (id, update) -> backbone.contains(id) ? schedule.getNewValue(update) * ratio : schedule.getNewValue(update);
    }
}
