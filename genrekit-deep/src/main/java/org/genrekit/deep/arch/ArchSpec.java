package org.genrekit.deep.arch;

import java.util.List;

/**
 * A named network and its size knobs.
 *
 * @param name    one of {@link Architectures#NAMES}
 * @param width   base number of channels / units (each architecture scales it its own way)
 * @param dropout dropout rate before the classifier, in [0, 1)
 */
public record ArchSpec(String name, int width, double dropout) {
    public ArchSpec {
        if (!Architectures.NAMES.contains(name)) {
            throw new IllegalArgumentException("unknown architecture '" + name + "', expected one of " + Architectures.NAMES);
        }
        if (width <= 0) throw new IllegalArgumentException("width must be > 0, got " + width);
        if (!(dropout >= 0 && dropout < 1)) throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout);
    }

    /** The architecture with its default size. */
    public static ArchSpec of(String name) {
        if (!Architectures.NAMES.contains(name)) {
            throw new IllegalArgumentException("unknown architecture '" + name + "', expected one of " + Architectures.NAMES);
        }
        return new ArchSpec(name, Architectures.defaultWidth(name), Architectures.defaultDropout(name));
    }

    public InputKind inputKind() {
        return switch (name) {
            case "image-cnn" -> InputKind.IMAGE;
            case "mlp" -> InputKind.VECTOR;
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
        VECTOR
    }

    static List<String> all() {
        return Architectures.NAMES;
    }
}
