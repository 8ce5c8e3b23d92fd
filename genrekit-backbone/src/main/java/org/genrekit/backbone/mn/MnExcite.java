package org.genrekit.backbone.mn;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/** Channel squeeze-excitation: spatial mean, linear + ReLU, linear + sigmoid, channel scaling. */
public final class MnExcite extends AbstractBlock {
    private final String source;
    private final int channels, squeeze;
    private final Parameter w1, b1, w2, b2;

    /** @param source the state-dict prefix ({@code features.4.block.2.conc_se_layers.0}) */
    MnExcite(String source, int channels, int squeeze) {
        this.source = source;
        this.channels = channels;
        this.squeeze = squeeze;
        w1 = addParameter(param("fc1_weight", Parameter.Type.WEIGHT, new Shape(squeeze, channels)));
        b1 = addParameter(param("fc1_bias", Parameter.Type.BIAS, new Shape(squeeze)));
        w2 = addParameter(param("fc2_weight", Parameter.Type.WEIGHT, new Shape(channels, squeeze)));
        b2 = addParameter(param("fc2_bias", Parameter.Type.BIAS, new Shape(channels)));
    }

    private static Parameter param(String name, Parameter.Type type, Shape shape) {
        return Parameter.builder().setName(name).setType(type).optShape(shape).build();
    }

    void assign(MnWeights w) {
        String s = source + ".";
        Pretrained.assign(w1, w.array(s + "fc1.weight", squeeze, channels), s + "fc1.weight");
        Pretrained.assign(b1, w.array(s + "fc1.bias", squeeze), s + "fc1.bias");
        Pretrained.assign(w2, w.array(s + "fc2.weight", channels, squeeze), s + "fc2.weight");
        Pretrained.assign(b2, w.array(s + "fc2.bias", channels), s + "fc2.bias");
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        Device d = x.getDevice();
        NDArray s = MnActivation.spatialMean(x);
        s = Activation.relu(Linear.linear(s, ps.getValue(w1, d, training), ps.getValue(b1, d, training)).head());
        s = Activation.sigmoid(Linear.linear(s, ps.getValue(w2, d, training), ps.getValue(b2, d, training)).head());
        return new NDList(x.mul(s.expandDims(2).expandDims(3)));
    }

    /** Inference: scales {@code x} in place and returns it. */
    NDArray infer(NDArray x) {
        NDArray s = MnActivation.spatialMean(x);
        s = Activation.relu(Linear.linear(s, w1.getArray(), b1.getArray()).head());
        s = Activation.sigmoid(Linear.linear(s, w2.getArray(), b2.getArray()).head());
        return x.muli(s.expandDims(2).expandDims(3));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputs) {
        return new Shape[] {inputs[0]};
    }
}
