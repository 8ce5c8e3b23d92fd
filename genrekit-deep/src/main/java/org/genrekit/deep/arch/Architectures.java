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
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.genrekit.deep.arch.ArchSpec.InputKind;

/**
 * The registry of networks: every architecture by name with what it reads, its defaults and its
 * builder. Every network takes a batch shaped (B, 1, rows, cols) and returns logits (B, classes);
 * 1-D and recurrent designs reshape internally. Blocks are rebuilt from the same {@link ArchSpec}
 * when a bundle is loaded, then their parameters are read.
 */
public final class Architectures {
    private static final Map<String, Architecture> REGISTRY = register(
            new Architecture("cnn2d", InputKind.SPECTROGRAM, 16, 0.4, 0, (s, c, r, w) -> cnn2d(s.width(), rate(s), c, r, w)),
            new Architecture("crnn", InputKind.SPECTROGRAM, 8, 0.3, 0, (s, c, r, w) -> crnn(s.width(), rate(s), c)),
            new Architecture("crnn1d", InputKind.SPECTROGRAM, 64, 0.3, 0, (s, c, r, w) -> crnn1d(s.width(), rate(s), c)),
            new Architecture("cnn-gru", InputKind.SPECTROGRAM, 16, 0.3, 0, (s, c, r, w) -> cnnGru(s.width(), rate(s), c)),
            new Architecture("image-cnn", InputKind.IMAGE, 16, 0.4, 0, (s, c, r, w) -> imageCnn(s.width(), rate(s), c)),
            new Architecture("rescnn", InputKind.SPECTROGRAM, 16, 0.3, 0, (s, c, r, w) -> resCnn(s.width(), rate(s), c)),
            new Architecture(BackboneHead.MN04_HEAD, InputKind.BACKBONE_MEL, BackboneHead.DEFAULT_HIDDEN, BackboneHead.DEFAULT_DROPOUT,
                    BackboneHead.MN04_BLOCKS, (s, c, r, w) -> BackboneHead.mn04(s, c)));
    /** Every architecture trained from scratch, the strongest ("rescnn") last. */
    public static final List<String> NAMES = REGISTRY.values().stream().filter(a -> !a.transfer()).map(Architecture::name).toList();
    /** Heads on a pretrained backbone (it must be installed: {@code genrekit backbone install}). */
    public static final List<String> TRANSFER = REGISTRY.values().stream().filter(Architecture::transfer).map(Architecture::name).toList();
    /** Every architecture. */
    public static final List<String> ALL = List.copyOf(REGISTRY.keySet());

    private Architectures() {
    }

    private static Map<String, Architecture> register(Architecture... all) {
        Map<String, Architecture> m = new LinkedHashMap<>();
        for (Architecture a : all) {
            if (m.put(a.name(), a) != null) throw new IllegalStateException("architecture '" + a.name() + "' registered twice");
        }
        return Collections.unmodifiableMap(m);
    }

    /** The registered architecture called {@code name}. */
    public static Architecture get(String name) {
        Architecture a = REGISTRY.get(name);
        if (a == null) throw new IllegalArgumentException("unknown architecture '" + name + "', expected one of " + ALL);
        return a;
    }

    private static float rate(ArchSpec spec) {
        return (float) spec.dropout();
    }

    /**
     * Builds the network for inputs of rows x width (pooling stops where an axis would vanish). A
     * backbone architecture loads the installed backbone's weights into its frozen part.
     */
    public static Block build(ArchSpec spec, int classes, int rows, int width) {
        if (classes < 2) throw new IllegalArgumentException("classes must be >= 2, got " + classes);
        return get(spec.name()).builder().build(spec, classes, rows, width);
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
