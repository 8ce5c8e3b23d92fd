package org.genrekit.backbone.mn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import java.util.List;
import org.genrekit.backbone.Engines;
import org.junit.jupiter.api.Test;

/** The feature-extractor block: shapes, parameter count, and which parameters fine-tuning unfreezes. */
class MnFeaturesTest {
    @Test
    void outputShapeAndParameterCountMatchTheArchitecture() {
        MnFeatures f = MnFeatures.of(MnArchitecture.mn04());
        assertEquals(new Shape(2, 384, 4, 32), f.getOutputShapes(new Shape[] {new Shape(2, 1, 128, 1000)})[0]);
        try (NDManager m = Engines.engine().newBaseManager()) {
            f.initialize(m, DataType.FLOAT32, new Shape(1, 1, 128, 1000));
            long n = 0;
            for (Parameter p : f.getParameters().values()) n += p.getArray().size();
            // mn04's features without the AudioSet head (its state dict has 0.98 M tensors' values in all, 0.45 M of them in the head).
            assertTrue(n > 400_000 && n < 600_000, "parameters: " + n);
        }
    }

    @Test
    void fineTuningUnfreezesOnlyTheLastBlocksAndTheFinalConvolution() {
        MnFeatures f = MnFeatures.of(MnArchitecture.mn04());
        f.trainLastBlocks(0);
        assertEquals(List.of(), trainable(f));
        f.trainLastBlocks(2);
        List<String> t = trainable(f);
        assertTrue(t.stream().allMatch(k -> k.startsWith("15block14_") || k.startsWith("16block15_") || k.startsWith("17last_")), t.toString());
        assertTrue(t.stream().anyMatch(k -> k.startsWith("15block14_")) && t.stream().anyMatch(k -> k.startsWith("17last_")), t.toString());
        f.trainLastBlocks(15);
        assertEquals(f.getParameters().size() - 2, trainable(f).size(), "all but the stem");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> f.trainLastBlocks(16));
        assertEquals("blocks to fine-tune must be in [0, 15], got 16", e.getMessage());
    }

    private static List<String> trainable(MnFeatures f) {
        return f.getParameters().stream().filter(p -> p.getValue().requiresGradient()).map(p -> p.getKey()).toList();
    }
}
