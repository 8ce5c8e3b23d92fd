package org.genrekit.deep.arch;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

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
        if (!Architectures.ALL.contains(name)) {
            throw new IllegalArgumentException("unknown architecture '" + name + "', expected one of " + Architectures.ALL);
        }
        if (width <= 0) throw new IllegalArgumentException("width must be > 0, got " + width);
        if (!(dropout >= 0 && dropout < 1)) throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout);
        if (fineTune != 0 && !Architectures.TRANSFER.contains(name)) {
            throw new IllegalArgumentException("fine-tuning applies to the backbone architectures " + Architectures.TRANSFER + ", not to " + name);
        }
        if (fineTune < 0 || fineTune > Architectures.maxFineTune(name)) {
            throw new IllegalArgumentException("fine-tune must be in [0, " + Architectures.maxFineTune(name) + "] blocks for " + name + ", got " + fineTune);
        }
    }

    /** A network trained from scratch (no backbone). */
    public ArchSpec(String name, int width, double dropout) {
        this(name, width, dropout, 0);
    }

    /** The architecture with its default size. */
    public static ArchSpec of(String name) {
        if (!Architectures.ALL.contains(name)) {
            throw new IllegalArgumentException("unknown architecture '" + name + "', expected one of " + Architectures.ALL);
        }
        return new ArchSpec(name, Architectures.defaultWidth(name), Architectures.defaultDropout(name));
    }

    public ArchSpec withFineTune(int blocks) {
        return new ArchSpec(name, width, dropout, blocks);
    }

    public InputKind inputKind() {
        return switch (name) {
            case "image-cnn" -> InputKind.IMAGE;
            case "mlp" -> InputKind.VECTOR;
            case "mn04-head" -> InputKind.BACKBONE_MEL;
            default -> InputKind.SPECTROGRAM;
        };
    }

    /** What a network reads. */
    public enum InputKind {
        /** Log-mel chunks [n_mels][chunk frames]. */
        SPECTROGRAM,
        /** A whole-track spectrogram picture, grey levels [height][width]. */
        IMAGE,
        /** A feature vector (e.g. GTZAN-58), shaped [dims][1]. */
        VECTOR,
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

    static List<String> all() {
        return Architectures.ALL;
    }
}
