package org.genrekit.deep.arch;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * A batch-first recurrent layer reduced to its last time step, (B, T, F) -> (B, units * directions).
 * It states its output shape itself because the generic shape inference of DJL's recurrent blocks
 * does not count the second direction of a bidirectional layer.
 */
final class LastStep extends AbstractBlock {
    private final Block rnn;
    private final int outputs;

    LastStep(Block rnn, int units, boolean bidirectional) {
        this.rnn = addChildBlock("rnn", rnn);
        this.outputs = units * (bidirectional ? 2 : 1);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        // A copy: the recurrent block appends its initial state to the list it is given.
        NDList out = rnn.forward(ps, new NDList(inputs.get(0)), training, params);
        return new NDList(out.get(0).get(":, -1, :"));
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        rnn.initialize(manager, dataType, inputShapes);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), outputs)};
    }
}
