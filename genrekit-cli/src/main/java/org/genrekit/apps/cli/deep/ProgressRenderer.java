package org.genrekit.apps.cli.deep;

import java.io.PrintStream;
import java.util.Locale;
import org.genrekit.apps.cli.progress.ProgressBar;
import org.genrekit.deep.train.DeepCrossValidation;
import org.genrekit.deep.train.EpochStats;
import org.genrekit.deep.train.TrainingListener;

/**
 * Shows a deep run on stderr: progress bars for inputs and epochs with a line after each epoch, or
 * (quiet) one line per epoch only.
 */
final class ProgressRenderer implements TrainingListener {
    private final PrintStream err;
    private final boolean bars;
    private volatile ProgressBar inputs;
    private ProgressBar epoch;

    ProgressRenderer(PrintStream err, boolean bars) {
        this.err = err;
        this.bars = bars;
    }

    @Override
    public void inputsStarted(String what, int files) {
        if (bars) inputs = new ProgressBar("inputs " + what, files, err);
    }

    @Override
    public void inputLoaded(String trackId) {
        ProgressBar b = inputs;
        if (b != null) b.step();
    }

    @Override
    public void inputFailed(String trackId, String reason) {
        ProgressBar b = inputs;
        if (b != null) b.fail();
        err.printf(Locale.ROOT, "%nskipped %s: %s%n", trackId, reason);
    }

    @Override
    public void inputsFinished(String what, int loaded, int files) {
        String line = String.format(Locale.ROOT, "inputs %s: %d of %d files", what, loaded, files);
        ProgressBar b = inputs;
        inputs = null;
        if (b != null) b.closeWith(line);
        else err.println(line);
    }

    @Override
    public void resumed(int epoch, int epochs) {
        err.printf(Locale.ROOT, "resuming at epoch %d of %d%n", epoch, epochs);
    }

    @Override
    public void epochStarted(int n, int epochs, int steps) {
        if (bars) epoch = new ProgressBar(String.format(Locale.ROOT, "epoch %d/%d", n, epochs), steps, err);
    }

    @Override
    public void stepFinished(double loss, double accuracy) {
        if (epoch == null) return;
        epoch.note(String.format(Locale.ROOT, "loss %.4f acc %.3f", loss, accuracy));
        epoch.step();
    }

    @Override
    public void epochFinished(EpochStats s, int epochs, boolean best) {
        String line = String.format(Locale.ROOT, "epoch %d/%d  loss %.4f  acc %.3f  val_loss %.4f  val_acc %.3f  lr %.2g  %.1fs%s",
                s.epoch(), epochs, s.trainLoss(), s.trainAccuracy(), s.validLoss(), s.validAccuracy(), s.learningRate(), s.seconds(),
                best ? "  *best" : "");
        if (epoch != null) epoch.closeWith(line);
        else err.println(line);
        epoch = null;
    }

    @Override
    public void stoppedEarly(int patience) {
        err.printf(Locale.ROOT, "early stop: no better validation result for %d epochs%n", patience);
    }

    @Override
    public void foldStarted(int fold, int folds, String grouping, int trainTracks, int innerValidTracks, int testTracks) {
        err.printf(Locale.ROOT, "%s-grouped CV fold %d/%d: %d training, %d epoch-choosing (inner validation), %d test tracks%n",
                grouping, fold + 1, folds, trainTracks, innerValidTracks, testTracks);
    }

    @Override
    public void foldFinished(DeepCrossValidation.Fold f, int folds) {
        err.printf(Locale.ROOT, "fold %d/%d: test accuracy %.4f (%d tracks), epoch %d chosen on the inner validation part (accuracy there %.4f), %.0f s%n",
                f.fold() + 1, folds, f.testAccuracy(), f.testTracks(), f.bestEpoch(), f.innerValidAccuracy(), f.seconds());
    }
}
