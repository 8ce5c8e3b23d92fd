package org.genrekit.backbone.mn;

import java.util.ArrayList;
import java.util.List;

/**
 * EfficientAT's MobileNetV3 variant ("MN"): the torchvision MobileNetV3-Large layout with one input
 * channel, channel-only squeeze-excitation (ReLU, sigmoid, reduction 4, its width rounded to a
 * multiple of 8), and an MLP head. The width multiplier scales every layer's channels, rounded as
 * MobileNet's {@code make_divisible(v, 8)}. This class only computes the shapes; weights come from
 * an installed backbone.
 *
 * @param widthMult  0.4 for mn04
 * @param blocks     the 15 inverted-residual blocks
 * @param stemOut    channels of the first 3x3 stride-2 convolution
 * @param lastConv   channels of the final 1x1 convolution (the embedding size)
 * @param hidden     width of the head's hidden layer
 * @param numClasses outputs of the head (527 AudioSet classes)
 */
public record MnArchitecture(double widthMult, List<Block> blocks, int stemOut, int lastConv, int hidden, int numClasses) {
    /**
     * One inverted-residual block.
     *
     * @param in        input channels
     * @param kernel    depthwise kernel size
     * @param expanded  channels after the 1x1 expansion (no expansion layer when equal to {@code in})
     * @param out       output channels
     * @param se        with squeeze-excitation
     * @param seSqueeze squeeze width of the excitation
     * @param hardswish hardswish activations (else ReLU)
     * @param stride    depthwise stride (1 or 2)
     */
    public record Block(int in, int kernel, int expanded, int out, boolean se, int seSqueeze, boolean hardswish, int stride) {
        public boolean expands() {
            return expanded != in;
        }

        public boolean residual() {
            return stride == 1 && in == out;
        }
    }

    public MnArchitecture {
        blocks = List.copyOf(blocks);
    }

    /** MobileNet's channel rounding: nearest multiple of 8, never more than 10% below {@code v}. */
    static int makeDivisible(double v, int divisor) {
        int n = Math.max(divisor, (int) (v + divisor / 2.0) / divisor * divisor);
        if (n < 0.9 * v) n += divisor;
        return n;
    }

    /** The AudioSet models: strides 2,2,2,2, no dilation, full tail, 527 classes. */
    public static MnArchitecture of(double widthMult) {
        // input, kernel, expanded, out, SE, hardswish, stride (MobileNetV3-Large, Table 1 of Howard et al.)
        int[][] table = {
                {16, 3, 16, 16, 0, 0, 1}, {16, 3, 64, 24, 0, 0, 2}, {24, 3, 72, 24, 0, 0, 1},
                {24, 5, 72, 40, 1, 0, 2}, {40, 5, 120, 40, 1, 0, 1}, {40, 5, 120, 40, 1, 0, 1},
                {40, 3, 240, 80, 0, 1, 2}, {80, 3, 200, 80, 0, 1, 1}, {80, 3, 184, 80, 0, 1, 1},
                {80, 3, 184, 80, 0, 1, 1}, {80, 3, 480, 112, 1, 1, 1}, {112, 3, 672, 112, 1, 1, 1},
                {112, 5, 672, 160, 1, 1, 2}, {160, 5, 960, 160, 1, 1, 1}, {160, 5, 960, 160, 1, 1, 1}};
        List<Block> blocks = new ArrayList<>();
        for (int[] r : table) {
            int exp = makeDivisible(r[2] * widthMult, 8);
            blocks.add(new Block(makeDivisible(r[0] * widthMult, 8), r[1], exp, makeDivisible(r[3] * widthMult, 8),
                    r[4] == 1, makeDivisible(exp / 4, 8), r[5] == 1, r[6]));
        }
        int lastIn = blocks.get(blocks.size() - 1).out();
        return new MnArchitecture(widthMult, blocks, blocks.get(0).in(), 6 * lastIn, makeDivisible(1280 * widthMult, 8), 527);
    }

    public static MnArchitecture mn04() {
        return of(0.4);
    }
}
