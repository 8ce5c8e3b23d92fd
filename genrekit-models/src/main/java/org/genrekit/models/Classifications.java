package org.genrekit.models;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.genrekit.audio.AudioDecodeException;
import org.genrekit.audio.Signal;
import org.genrekit.audio.SignalWarning;
import org.genrekit.features.NonFiniteFeaturesException;

/**
 * Classifying one decoded file the way every command does it (classify, batch, serve, evaluate,
 * tag): the answer is checked before anyone reports it. Non-finite features or probabilities are
 * the file's typed error ({@link AudioDecodeException.Reason#NON_FINITE_FEATURES}), never a "NaN"
 * genre reported as success; very short or silent audio carries {@link SignalWarning}s.
 */
public final class Classifications {
    private Classifications() {
    }

    /** {@link #classify(GenreClassifier, Path, Signal, TrackPolicy, boolean)} under {@link TrackPolicy#DEFAULT}. */
    public static Prediction classify(GenreClassifier clf, Path file, Signal signal, boolean windows) throws AudioDecodeException {
        return classify(clf, file, signal, TrackPolicy.DEFAULT, windows);
    }

    /**
     * @param file    names the file in errors
     * @param signal  the file decoded with {@link TrackPolicy#loadOptions}
     * @param windows also return per-window probabilities
     * @throws AudioDecodeException NON_FINITE_FEATURES when features or probabilities are not finite
     */
    public static Prediction classify(GenreClassifier clf, Path file, Signal signal, TrackPolicy policy, boolean windows) throws AudioDecodeException {
        Prediction p;
        try {
            p = TrackPredictor.predict(clf, signal, policy, windows);
        } catch (NonFiniteFeaturesException e) {
            throw e.forFile(file);
        }
        requireFinite(clf, file, p.probabilities());
        for (Prediction.Window s : p.windows()) requireFinite(clf, file, s.probabilities());
        List<SignalWarning> w = SignalWarning.of(signal);
        return w.isEmpty() ? p : p.withWarnings(w);
    }

    private static void requireFinite(GenreClassifier clf, Path file, double[] probabilities) throws AudioDecodeException {
        List<String> shown = new ArrayList<>();
        boolean bad = false;
        for (int i = 0; i < probabilities.length; i++) {
            bad |= !Double.isFinite(probabilities[i]);
            if (shown.size() < 4) shown.add(clf.labels().get(i) + " " + String.format(Locale.ROOT, "%s", probabilities[i]));
        }
        if (bad) {
            throw new AudioDecodeException(file, AudioDecodeException.Reason.NON_FINITE_FEATURES, "model '" + clf.name()
                    + "' answered non-finite probabilities (" + String.join(", ", shown) + (probabilities.length > shown.size() ? ", ..." : "") + ")");
        }
    }
}
