package org.genrekit.deep;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import org.genrekit.deep.train.EpochStats;
import org.genrekit.deep.train.TrainingListener;

/** A listener that writes down what it is told, one line per event. */
public final class Recording implements TrainingListener {
    public final List<String> events = new CopyOnWriteArrayList<>();

    @Override
    public void inputFailed(String trackId, String reason) {
        events.add("failed " + trackId + ": " + reason);
    }

    @Override
    public void inputsFinished(String what, int loaded, int files) {
        events.add("inputs " + what + " " + loaded + "/" + files);
    }

    @Override
    public void resumed(int epoch, int epochs) {
        events.add("resumed " + epoch + "/" + epochs);
    }

    @Override
    public void epochStarted(int epoch, int epochs, int steps) {
        events.add("epoch " + epoch + "/" + epochs);
    }

    @Override
    public void epochFinished(EpochStats stats, int epochs, boolean best) {
        events.add(String.format(Locale.ROOT, "finished %d val_acc %.3f%s", stats.epoch(), stats.validAccuracy(), best ? " best" : ""));
    }

    public long count(String prefix) {
        return events.stream().filter(e -> e.startsWith(prefix)).count();
    }
}
