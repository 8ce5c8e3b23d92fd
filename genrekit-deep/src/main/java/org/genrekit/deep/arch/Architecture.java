package org.genrekit.deep.arch;

import ai.djl.nn.Block;
import org.genrekit.deep.arch.ArchSpec.InputKind;

/**
 * One registered network: what it reads, its default size, how far its backbone can be
 * fine-tuned, and how it is built. {@link Architectures} holds them by name.
 *
 * @param name           the name given to {@code --arch}
 * @param input          what the network reads
 * @param defaultWidth   base channels / units when none is given
 * @param defaultDropout dropout before the classifier when none is given
 * @param maxFineTune    backbone blocks that may be trained (0: no backbone)
 * @param builder        builds the network for inputs of rows x width
 */
public record Architecture(String name, InputKind input, int defaultWidth, double defaultDropout, int maxFineTune, Builder builder) {
    /** Builds the block of a sized architecture. */
    @FunctionalInterface
    public interface Builder {
        Block build(ArchSpec spec, int classes, int rows, int width);
    }

    /** Whether the network sits on a pretrained backbone. */
    public boolean transfer() {
        return maxFineTune > 0;
    }
}
