package org.genrekit.backbone.mn;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * One convolution of the MN network with its batch norm folded in (a weight and a bias), then an
 * activation. Batch norm never updates statistics here: folded, it is the eval-mode batch norm.
 */
public final class MnConv extends AbstractBlock {
    private final String source;
    private final int inPerGroup, out, kernel, stride, groups;
    private final MnActivation act;
    private final Parameter weight;
    private final Parameter bias;

    /** @param source the state-dict prefix of the convolution and its batch norm ({@code features.3.block.1}) */
    MnConv(String source, int inPerGroup, int out, int kernel, int stride, int groups, MnActivation act) {
        this.source = source;
        this.inPerGroup = inPerGroup;
        this.out = out;
        this.kernel = kernel;
        this.stride = stride;
        this.groups = groups;
        this.act = act;
        weight = addParameter(Parameter.builder().setName("weight").setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(out, inPerGroup, kernel, kernel)).build());
        bias = addParameter(Parameter.builder().setName("bias").setType(Parameter.Type.BIAS).optShape(new Shape(out)).build());
    }

    String source() {
        return source;
    }

    void assign(MnWeights w) {
        MnWeights.Folded f = w.conv(source, inPerGroup, out, kernel);
        Pretrained.assign(weight, f.weight(), source + ".0.weight");
        Pretrained.assign(bias, f.bias(), source + ".1.bias");
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        Device d = x.getDevice();
        int pad = (kernel - 1) / 2;
        NDArray y = Conv2d.conv2d(x, ps.getValue(weight, d, training), ps.getValue(bias, d, training),
                new Shape(stride, stride), new Shape(pad, pad), new Shape(1, 1), groups).head();
        return new NDList(act.apply(y));
    }

    /** Inference on the parameters' current values; consumes nothing, returns a new array. */
    NDArray infer(NDArray x) {
        int pad = (kernel - 1) / 2;
        NDArray y = Conv2d.conv2d(x, weight.getArray(), bias.getArray(), new Shape(stride, stride), new Shape(pad, pad), new Shape(1, 1), groups).head();
        return act.applyConsuming(y);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputs) {
        Shape s = inputs[0];
        int pad = (kernel - 1) / 2;
        return new Shape[] {new Shape(s.get(0), out, (s.get(2) + 2L * pad - kernel) / stride + 1, (s.get(3) + 2L * pad - kernel) / stride + 1)};
    }
}
