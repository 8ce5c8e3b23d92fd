package org.genrekit.deep.arch;

import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.pooling.Pool;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.genrekit.backbone.mn.MnActivation;
import org.genrekit.backbone.mn.MnArchitecture;
import org.genrekit.backbone.mn.MnFeatures;
import org.genrekit.backbone.store.Backbones;
import org.genrekit.backbone.store.InstalledBackbone;

/**
 * {@code mn04-head}: the installed mn04 feature extractor (frozen, or with its last blocks
 * trainable) and a new head: global average pooling, Linear(384 -> width), hardswish, dropout,
 * Linear(-> classes).
 */
final class BackboneHead {
    static final String MN04_HEAD = "mn04-head";
    static final String MN04 = "mn04";
    static final int DEFAULT_HIDDEN = 256;
    static final double DEFAULT_DROPOUT = 0.3;
    static final int MN04_BLOCKS = MnArchitecture.mn04().blocks().size();

    private BackboneHead() {
    }

    /** Reads the installed mn04 (a {@link org.genrekit.backbone.store.BackboneMissingException} when there is none). */
    static TransferNet mn04(ArchSpec spec, int classes) {
        InstalledBackbone b = Backbones.require(MN04);
        MnFeatures features;
        try {
            features = MnFeatures.pretrained(MnArchitecture.mn04(), Backbones.loadWeights(b));
        } catch (IOException e) {
            throw new UncheckedIOException(b.weightsFile() + ": cannot read the backbone's weights: " + e.getMessage(), e);
        }
        return new TransferNet(features, head(spec.width(), (float) spec.dropout(), classes), new BackboneRef(b.name(), b.sha256()), spec.fineTune());
    }

    static Block head(int hidden, float dropout, int classes) {
        return new SequentialBlock().add(Pool.globalAvgPool2dBlock()).add(Blocks.batchFlattenBlock())
                .add(Linear.builder().setUnits(hidden).build())
                .add(new LambdaBlock(l -> new NDList(MnActivation.HARDSWISH.apply(l.singletonOrThrow())), "hardswish"))
                .add(Dropout.builder().optRate(dropout).build())
                .add(Linear.builder().setUnits(classes).build());
    }
}
