package org.genrekit.deep.arch;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A named network and its size knobs.
 *
 * @param name     one of {@link Architectures#ALL}
 * @param width    base number of channels / units (each architecture scales it its own way; the
 *                 hidden units of a backbone architecture's head)
 * @param dropout  dropout rate before the classifier, in [0, 1)
 * @param fineTune backbone architectures: how many of the backbone's last blocks train (0 = the
 *                 backbone is frozen); always 0 for the others
 */
public record ArchSpec(String name, int width, double dropout, @JsonInclude(JsonInclude.Include.NON_DEFAULT) int fineTune) {
    public ArchSpec {
        Architecture a = Architectures.get(name);
        if (width <= 0) throw new IllegalArgumentException("width must be > 0, got " + width);
        if (!(dropout >= 0 && dropout < 1)) throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout);
        if (fineTune != 0 && !a.transfer()) {
            throw new IllegalArgumentException("fine-tuning applies to the backbone architectures " + Architectures.TRANSFER + ", not to " + name);
        }
        if (fineTune < 0 || fineTune > a.maxFineTune()) {
            throw new IllegalArgumentException("fine-tune must be in [0, " + a.maxFineTune() + "] blocks for " + name + ", got " + fineTune);
        }
    }

    /** A network trained from scratch (no backbone). */
    public ArchSpec(String name, int width, double dropout) {
        this(name, width, dropout, 0);
    }

    /** The architecture with its default size. */
    public static ArchSpec of(String name) {
        Architecture a = Architectures.get(name);
        return new ArchSpec(name, a.defaultWidth(), a.defaultDropout());
    }

    public ArchSpec withFineTune(int blocks) {
        return new ArchSpec(name, width, dropout, blocks);
    }

    /** What the network reads from audio (an image dataset gives {@link InputKind#IMAGE} networks {@link InputKind#IMAGE_FILE}). */
    public InputKind inputKind() {
        return Architectures.get(name).input();
    }

    /** What a network reads. */
    public enum InputKind {
        /** Log-mel chunks [n_mels][chunk frames]. */
        SPECTROGRAM,
        /** A whole-track spectrogram picture rendered from the audio's log-mel, grey levels [height][width]. */
        IMAGE,
        /** A picture read from an image file (an {@code images:DIR} dataset), grey levels [height][width]; no audio front end. */
        IMAGE_FILE,
        /** A pretrained backbone's own log-mel (EfficientAT's, already normalised) in 10 s windows [128][1000]. */
        BACKBONE_MEL;

        /** Whether tracks are cut into chunks (random crops in training, windows for prediction). */
        public boolean chunked() {
            return this == SPECTROGRAM || this == BACKBONE_MEL;
        }

        /** Whether the input comes normalised as the network expects it (no statistics are fitted). */
        public boolean preNormalised() {
            return this == BACKBONE_MEL;
        }
    }
}
