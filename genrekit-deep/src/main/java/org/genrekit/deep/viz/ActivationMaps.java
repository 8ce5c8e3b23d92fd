package org.genrekit.deep.viz;

import org.genrekit.features.viz.SpectrogramPng;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Convolution;
import ai.djl.training.ParameterStore;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.genrekit.deep.DeepModel;

/**
 * The outputs of every convolution of a network for one input chunk, as pictures (a grid of the
 * first channels). Walks sequential blocks and the branches of parallel ones (residual blocks).
 */
public final class ActivationMaps {
    /** One convolution's output: its path in the network and its values [channels][rows][cols]. */
    public record Map(String layer, float[][][] values) {
    }

    private ActivationMaps() {
    }

    public static List<Map> capture(DeepModel model, float[] chunk) {
        List<Map> out = new ArrayList<>();
        try (NDManager m = model.djlModel().getNDManager().newSubManager()) {
            ParameterStore ps = new ParameterStore(m, false);
            walk(model.block(), new NDList(m.create(chunk, model.inputShape(1))), ps, "net", out);
        }
        return out;
    }

    private static NDList walk(Block b, NDList x, ParameterStore ps, String path, List<Map> out) {
        if (b instanceof SequentialBlock seq) {
            int i = 0;
            for (var child : seq.getChildren().values()) x = walk(child, x, ps, path + "/" + i++, out);
            return x;
        }
        if (b instanceof ParallelBlock par) {
            // Run each branch for its maps, then the block itself for its combined output.
            int i = 0;
            for (var child : par.getChildren().values()) walk(child, new NDList(x.get(0)), ps, path + "/branch" + i++, out);
            return b.forward(ps, x, false);
        }
        NDList y = b.forward(ps, x, false);
        if (b instanceof Convolution) out.add(new Map(path + " " + b.getClass().getSimpleName(), toArray(y.get(0))));
        return y;
    }

    private static float[][][] toArray(NDArray a) {
        long[] s = a.getShape().getShape();
        float[] v = a.toFloatArray();
        int c = (int) s[1], h = s.length == 4 ? (int) s[2] : 1, w = (int) s[s.length - 1];
        float[][][] out = new float[c][h][w];
        for (int k = 0; k < c; k++) for (int y = 0; y < h; y++) System.arraycopy(v, (k * h + y) * w, out[k][y], 0, w);
        return out;
    }

    /** Writes up to 16 channels of a map as a 4-column grid, each channel scaled to its own range. */
    public static void writePng(Map map, Path out) throws IOException {
        int channels = Math.min(16, map.values().length), cols = Math.min(4, channels), rows = (channels + cols - 1) / cols;
        float[][] first = map.values()[0];
        int scale = Math.max(1, Math.min(8, 256 / Math.max(first.length, first[0].length)));
        int tileW = first[0].length * scale, tileH = Math.max(first.length * scale, first.length == 1 ? 24 : 0);
        BufferedImage img = new BufferedImage(cols * (tileW + 4) + 4, rows * (tileH + 4) + 4, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        for (int k = 0; k < channels; k++) {
            BufferedImage tile = Png.heatmap(map.values()[k], scale, first.length == 1 ? tileH : scale);
            g.drawImage(tile, 4 + (k % cols) * (tileW + 4), 4 + (k / cols) * (tileH + 4), null);
        }
        g.dispose();
        SpectrogramPng.write(img, out);
    }
}
