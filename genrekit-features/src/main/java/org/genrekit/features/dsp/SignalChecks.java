package org.genrekit.features.dsp;

import org.genrekit.audio.Signal;

/** Guards shared by the feature classes. */
public final class SignalChecks {
    private SignalChecks() {
    }

    /** Fails unless {@code signal} is at {@code sampleRate}: features never guess a rate. */
    public static float[] samplesAt(Signal signal, int sampleRate) {
        if (signal.sampleRate() != sampleRate) {
            throw new IllegalArgumentException("signal is at " + signal.sampleRate() + " Hz, this feature is configured for sr=" + sampleRate);
        }
        return signal.samples();
    }
}
