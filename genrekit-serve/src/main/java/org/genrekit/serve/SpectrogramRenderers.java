package org.genrekit.serve;

/** The renderers the application wires into the server. */
public final class SpectrogramRenderers {
    private SpectrogramRenderers() {
    }

    /**
     * The log-mel spectrogram picture (librosa melspectrogram + power_to_db), or null while the
     * features module offers none; the page then says it has no picture.
     */
    public static SpectrogramRenderer logMel() {
        return null; // PENDING: wired to features' LogMel + SpectrogramPng once they are merged.
    }
}
