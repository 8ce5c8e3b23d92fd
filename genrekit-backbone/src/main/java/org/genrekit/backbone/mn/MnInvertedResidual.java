package org.genrekit.backbone.mn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;

/**
 * One inverted-residual block: optional 1x1 expansion, depthwise convolution, optional
 * squeeze-excitation, 1x1 projection, and the identity shortcut where shapes allow it.
 */
public final class MnInvertedResidual extends AbstractBlock {
    private final List<Block> layers = new ArrayList<>();
    private final boolean residual;

    /** @param index position in the network, 1-based as in the state dict ({@code features.INDEX.block.*}) */
    MnInvertedResidual(int index, MnArchitecture.Block b) {
        String p = "features." + index + ".block.";
        int layer = 0;
        MnActivation act = b.hardswish() ? MnActivation.HARDSWISH : MnActivation.RELU;
        if (b.expands()) layers.add(addChildBlock("expand", new MnConv(p + layer++, b.in(), b.expanded(), 1, 1, 1, act)));
        layers.add(addChildBlock("depthwise", new MnConv(p + layer++, 1, b.expanded(), b.kernel(), b.stride(), b.expanded(), act)));
        if (b.se()) layers.add(addChildBlock("excite", new MnExcite(p + layer++ + ".conc_se_layers.0", b.expanded(), b.seSqueeze())));
        layers.add(addChildBlock("project", new MnConv(p + layer, b.expanded(), b.out(), 1, 1, 1, MnActivation.NONE)));
        this.residual = b.residual();
    }

    void assign(MnWeights w) {
        for (Block l : layers) {
            if (l instanceof MnConv c) c.assign(w);
            else ((MnExcite) l).assign(w);
        }
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDList y = inputs;
        for (Block l : layers) y = l.forward(ps, y, training);
        return residual ? new NDList(y.singletonOrThrow().add(x)) : y;
    }

    /** Inference: frees each intermediate once used; the caller still owns (and closes) {@code x}. */
    NDArray infer(NDArray x) {
        NDArray y = x;
        for (Block l : layers) {
            NDArray next = l instanceof MnConv c ? c.infer(y) : ((MnExcite) l).infer(y);
            if (y != x && next != y) y.close();
            y = next;
        }
        return residual ? y.addi(x) : y;
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape[] s = inputShapes;
        for (Block l : layers) {
            l.initialize(manager, dataType, s);
            s = l.getOutputShapes(s);
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputs) {
        Shape[] s = inputs;
        for (Block l : layers) s = l.getOutputShapes(s);
        return s;
    }
}
