package org.genrekit.deep;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.genrekit.deep.arch.ArchSpec;
import org.genrekit.deep.arch.ArchSpec.InputKind;
import org.genrekit.deep.input.InputSpec;
import org.genrekit.deep.input.TrackInput;
import org.genrekit.features.FeatureRecipe;

/** Small synthetic inputs: class k lights up its own band of rows, on noise. */
public final class Synthetic {
    public static final List<String> LABELS = List.of("a", "b", "c");

    private Synthetic() {
    }

    public static InputSpec input(ArchSpec arch) {
        return switch (arch.inputKind()) {
            case SPECTROGRAM -> new InputSpec(InputKind.SPECTROGRAM, new FeatureRecipe("logmel", Map.of("n_mels", "16")), 16, 24);
            case IMAGE -> new InputSpec(InputKind.IMAGE, new FeatureRecipe("logmel-image", Map.of("height", "24", "width", "32")), 24, 32);
            case BACKBONE_MEL, IMAGE_FILE -> throw new IllegalArgumentException(arch.name() + " reads " + arch.inputKind() + ", not synthetic planes");
        };
    }

    public static List<TrackInput> tracks(InputSpec in, int perClass, long seed) {
        Random rnd = new Random(seed);
        int cols = in.kind() == InputKind.SPECTROGRAM ? 60 : in.width();
        List<TrackInput> out = new ArrayList<>();
        for (int i = 0; i < perClass; i++) {
            for (int k = 0; k < LABELS.size(); k++) {
                float[][] p = new float[in.rows()][cols];
                int band = in.rows() / LABELS.size();
                for (int r = 0; r < in.rows(); r++) {
                    for (int c = 0; c < cols; c++) {
                        p[r][c] = (float) (rnd.nextGaussian() * 0.5 + (r / band == k ? 2.0 : 0.0) - 40);
                    }
                }
                out.add(new TrackInput("t" + k + "-" + i + "-" + seed, k, p));
            }
        }
        return out;
    }
}
