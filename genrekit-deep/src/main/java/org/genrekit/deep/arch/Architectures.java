package org.genrekit.deep.arch;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv1d;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.pooling.Pool;
import ai.djl.nn.recurrent.GRU;
import ai.djl.nn.recurrent.LSTM;
import java.util.List;

/**
 * Builds the named networks. Every network takes a batch shaped (B, 1, rows, cols) and returns
 * logits (B, classes); 1-D and recurrent designs reshape internally. Blocks are rebuilt from the
 * same {@link ArchSpec} when a bundle is loaded, then their parameters are read.
 */
public final class Architectures {
    /** Every architecture trained from scratch, the strongest ("rescnn") last. */
    public static final List<String> NAMES = List.of("cnn2d", "crnn", "crnn1d", "cnn-gru", "image-cnn", "mlp", "rescnn");
    /** Heads on a pretrained backbone (it must be installed: {@code genrekit backbone install}). */
    public static final List<String> TRANSFER = List.of(BackboneHead.MN04_HEAD);
    /** Every architecture. */
    public static final List<String> ALL = java.util.stream.Stream.concat(NAMES.stream(), TRANSFER.stream()).toList();

    private Architectures() {
    }

    static int defaultWidth(String name) {
        return switch (name) {
            case "cnn2d", "rescnn", "image-cnn", "cnn-gru" -> 16;
            case "crnn" -> 8;
            case "crnn1d" -> 64;
            case "mlp" -> 256;
            case BackboneHead.MN04_HEAD -> BackboneHead.DEFAULT_HIDDEN;
            default -> throw new IllegalArgumentException(name);
        };
    }

    /** How many backbone blocks can be fine-tuned (0 for networks without a backbone). */
    static int maxFineTune(String name) {
        return name.equals(BackboneHead.MN04_HEAD) ? BackboneHead.MN04_BLOCKS : 0;
    }

    static double defaultDropout(String name) {
        return switch (name) {
            case "mlp", "cnn2d", "image-cnn" -> 0.4;
            case BackboneHead.MN04_HEAD -> BackboneHead.DEFAULT_DROPOUT;
            default -> 0.3;
        };
    }

    /**
     * Builds the network for inputs of rows x width (pooling stops where an axis would vanish). A
     * backbone architecture loads the installed backbone's weights into its frozen part.
     */
    public static Block build(ArchSpec spec, int classes, int rows, int width) {
        if (classes < 2) throw new IllegalArgumentException("classes must be >= 2, got " + classes);
        int w = spec.width();
        float p = (float) spec.dropout();
        return switch (spec.name()) {
            case "cnn2d" -> cnn2d(w, p, classes, rows, width);
            case "crnn" -> crnn(w, p, classes);
            case "crnn1d" -> crnn1d(w, p, classes);
            case "cnn-gru" -> cnnGru(w, p, classes);
            case "image-cnn" -> imageCnn(w, p, classes);
            case "mlp" -> mlp(w, p, classes);
            case "rescnn" -> resCnn(w, p, classes);
            case BackboneHead.MN04_HEAD -> BackboneHead.mn04(spec, classes);
            default -> throw new IllegalArgumentException(spec.name());
        };
    }

    static Conv2d conv(int filters, int k) {
        return Conv2d.builder().setFilters(filters).setKernelShape(new Shape(k, k)).optPadding(new Shape(k / 2, k / 2)).build();
    }

    private static Block convBlock(int filters, int k) {
        return new SequentialBlock().add(conv(filters, k)).add(BatchNorm.builder().build())
                .add(Activation::relu).add(Pool.maxPool2dBlock(new Shape(2, 2)));
    }

    private static Block head(int hidden, float dropout, int classes) {
        SequentialBlock h = new SequentialBlock();
        if (hidden > 0) h.add(Linear.builder().setUnits(hidden).build()).add(Activation::relu);
        return h.add(Dropout.builder().optRate(dropout).build()).add(Linear.builder().setUnits(classes).build());
    }

    /** Five conv-BN-ReLU-maxpool blocks, then flatten, dropout, dense (the 72 % GTZAN design). */
    static Block cnn2d(int w, float p, int classes, int rows, int width) {
        SequentialBlock b = new SequentialBlock();
        int[] mult = {1, 2, 4, 8, 8};
        int h = rows, t = width;
        for (int m : mult) {
            int ph = h >= 2 ? 2 : 1, pt = t >= 2 ? 2 : 1;
            b.add(new SequentialBlock().add(conv(w * m, 3)).add(BatchNorm.builder().build())
                    .add(Activation::relu).add(Pool.maxPool2dBlock(new Shape(ph, pt))));
            h /= ph;
            t /= pt;
        }
        return b.add(Blocks.batchFlattenBlock()).add(head(64, p, classes));
    }

    /** (B, C, F, T) -> (B, T, C*F): time becomes the sequence axis. */
    static Block toSequence2d() {
        return new LambdaBlock(l -> {
            NDArray x = l.singletonOrThrow().transpose(0, 3, 1, 2);
            Shape s = x.getShape();
            return new NDList(x.reshape(s.get(0), s.get(1), -1));
        }, "toSequence2d");
    }

    /** Four convolutions 8x6x6, 16x4x4, 32x3x3, 32x2x2 feeding two LSTMs and two dense layers. */
    static Block crnn(int w, float p, int classes) {
        SequentialBlock b = new SequentialBlock();
        int[][] layers = {{w, 6}, {2 * w, 4}, {4 * w, 3}, {4 * w, 2}};
        for (int[] l : layers) {
            b.add(Conv2d.builder().setFilters(l[0]).setKernelShape(new Shape(l[1], l[1])).optPadding(new Shape(l[1] / 2, l[1] / 2)).build())
                    .add(BatchNorm.builder().build()).add(Activation::relu).add(Pool.maxPool2dBlock(new Shape(2, 2)));
        }
        return b.add(toSequence2d())
                .add(new LastStep(LSTM.builder().setStateSize(64).setNumLayers(2).optBatchFirst(true).optReturnState(false).build(), 64, false))
                .add(head(64, p, classes));
    }

    /** 1-D convolutions over time (mel bands as channels) + BN, then an LSTM. */
    static Block crnn1d(int w, float p, int classes) {
        SequentialBlock b = new SequentialBlock();
        b.add(new LambdaBlock(l -> new NDList(l.singletonOrThrow().squeeze(1)), "squeezeChannel"));
        for (int i = 0; i < 3; i++) {
            b.add(Conv1d.builder().setFilters(w).setKernelShape(new Shape(4)).optPadding(new Shape(2)).build())
                    .add(BatchNorm.builder().build()).add(Activation::relu).add(Pool.maxPool1dBlock(new Shape(2)));
        }
        b.add(new LambdaBlock(l -> new NDList(l.singletonOrThrow().transpose(0, 2, 1)), "timeMajor"));
        return b.add(new LastStep(LSTM.builder().setStateSize(64).setNumLayers(1).optBatchFirst(true).optReturnState(false).build(), 64, false))
                .add(head(0, p, classes));
    }

    /** A CNN branch and a bidirectional GRU branch side by side, concatenated. */
    static Block cnnGru(int w, float p, int classes) {
        SequentialBlock cnn = new SequentialBlock();
        for (int m : new int[] {1, 2, 4}) cnn.add(convBlock(w * m, 3));
        cnn.add(Pool.globalAvgPool2dBlock()).add(Blocks.batchFlattenBlock());
        SequentialBlock gru = new SequentialBlock();
        // Halve the frequency axis twice to keep the GRU input small, then time-major sequence.
        gru.add(Pool.maxPool2dBlock(new Shape(4, 2)));
        gru.add(toSequence2d());
        // Bidirectional as two GRUs, one reading time backwards: each contributes the state after the
        // whole sequence (a bidirectional layer's last output would give the backward pass one frame).
        Block reverse = new LambdaBlock(l -> new NDList(l.get(0).flip(1)), "reverseTime");
        gru.add(new ParallelBlock(outs -> new NDList(NDArrays.concat(
                new NDList(outs.get(0).singletonOrThrow(), outs.get(1).singletonOrThrow()), 1)), List.of(
                new LastStep(GRU.builder().setStateSize(64).setNumLayers(1).optBatchFirst(true).optReturnState(false).build(), 64, false),
                new SequentialBlock().add(reverse).add(new LastStep(
                        GRU.builder().setStateSize(64).setNumLayers(1).optBatchFirst(true).optReturnState(false).build(), 64, false)))));
        ParallelBlock both = new ParallelBlock(outs -> new NDList(NDArrays.concat(
                new NDList(outs.get(0).singletonOrThrow(), outs.get(1).singletonOrThrow()), 1)), List.of(cnn, gru));
        return new SequentialBlock().add(both).add(head(64, p, classes));
    }

    /** Two conv layers on a spectrogram picture, then dense layers. */
    static Block imageCnn(int w, float p, int classes) {
        return new SequentialBlock().add(convBlock(w, 5)).add(convBlock(2 * w, 3))
                .add(Pool.maxPool2dBlock(new Shape(2, 2)))
                .add(Blocks.batchFlattenBlock()).add(head(64, p, classes));
    }

    /** Dense layers on a feature vector. */
    static Block mlp(int w, float p, int classes) {
        return new SequentialBlock().add(Blocks.batchFlattenBlock())
                .add(Linear.builder().setUnits(w).build()).add(BatchNorm.builder().build()).add(Activation::relu)
                .add(Dropout.builder().optRate(p).build())
                .add(Linear.builder().setUnits(w / 2).build()).add(Activation::relu)
                .add(Dropout.builder().optRate(p).build())
                .add(Linear.builder().setUnits(classes).build());
    }

    /**
     * Residual CNN: a strided stem, three stages of two residual blocks (BN, ReLU, 3x3 convs, a 1x1
     * projection where the shape changes), global average pooling. Global pooling makes it cheap
     * and indifferent to where in the chunk a pattern occurs.
     */
    static Block resCnn(int w, float p, int classes) {
        SequentialBlock b = new SequentialBlock();
        b.add(conv(w, 3)).add(BatchNorm.builder().build()).add(Activation::relu).add(Pool.maxPool2dBlock(new Shape(2, 2)));
        int[] widths = {w, 2 * w, 4 * w};
        for (int s = 0; s < widths.length; s++) {
            b.add(residual(widths[s], s == 0 ? 1 : 2, s > 0));
            b.add(residual(widths[s], 1, false));
        }
        return b.add(Pool.globalAvgPool2dBlock()).add(Blocks.batchFlattenBlock()).add(head(0, p, classes));
    }

    private static Block residual(int filters, int stride, boolean project) {
        SequentialBlock main = new SequentialBlock()
                .add(Conv2d.builder().setFilters(filters).setKernelShape(new Shape(3, 3)).optStride(new Shape(stride, stride))
                        .optPadding(new Shape(1, 1)).optBias(false).build())
                .add(BatchNorm.builder().build()).add(Activation::relu)
                .add(Conv2d.builder().setFilters(filters).setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1)).optBias(false).build())
                .add(BatchNorm.builder().build());
        Block shortcut = project
                ? new SequentialBlock().add(Conv2d.builder().setFilters(filters).setKernelShape(new Shape(1, 1))
                        .optStride(new Shape(stride, stride)).optBias(false).build()).add(BatchNorm.builder().build())
                : Blocks.identityBlock();
        return new SequentialBlock().add(new ParallelBlock(outs -> new NDList(
                        outs.get(0).singletonOrThrow().add(outs.get(1).singletonOrThrow())), List.of(main, shortcut)))
                .add(Activation::relu);
    }
}
