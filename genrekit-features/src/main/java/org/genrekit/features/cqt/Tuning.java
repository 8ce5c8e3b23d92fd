package org.genrekit.features.cqt;

import org.genrekit.audio.Signal;

/** Tuning estimation for the CQT (librosa.estimate_tuning on the signal). INTERIM until feat-a's estimator is merged. */
final class Tuning {
    private Tuning() {
    }

    static double estimate(Signal signal, int binsPerOctave) {
        throw new UnsupportedOperationException("tuning estimation arrives with the features.pitch merge");
    }
}
