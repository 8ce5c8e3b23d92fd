package org.genrekit.backbone.store;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.genrekit.backbone.weights.Tensor;

/**
 * Every tensor a backbone's network needs, name and shape, in state-dict order; read from the
 * resource {@code org/genrekit/backbone/NAME-tensors.txt} (lines {@code name 8x1x3x3}, {@code #}
 * comments). It tells the published weights from another model's.
 */
public final class TensorLayout {
    private final String backbone;
    private final Map<String, int[]> shapes;

    private TensorLayout(String backbone, Map<String, int[]> shapes) {
        this.backbone = backbone;
        this.shapes = Collections.unmodifiableMap(shapes);
    }

    public static TensorLayout of(BackboneSpec spec) {
        String res = "/org/genrekit/backbone/" + spec.name() + "-tensors.txt";
        Map<String, int[]> shapes = new LinkedHashMap<>();
        try (InputStream in = TensorLayout.class.getResourceAsStream(res)) {
            if (in == null) throw new IllegalStateException("resource " + res + " is missing from genrekit-backbone");
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) continue;
                String[] p = line.split("\\s+");
                if (p.length != 2) throw new IllegalStateException(res + ": bad line '" + line + "'");
                shapes.put(p[0], Arrays.stream(p[1].split("x")).mapToInt(Integer::parseInt).toArray());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (shapes.size() != spec.tensorCount()) {
            throw new IllegalStateException(res + " lists " + shapes.size() + " tensors, " + spec.name() + " has " + spec.tensorCount());
        }
        return new TensorLayout(spec.name(), shapes);
    }

    /** Name → shape, in state-dict order. */
    public Map<String, int[]> shapes() {
        return shapes;
    }

    /**
     * Why {@code tensors} (read from {@code what}) are not this backbone's weights: the first missing
     * tensor or wrong shape in layout order, else the first extra tensor; {@code null} when they fit.
     */
    public String mismatch(Map<String, Tensor> tensors, String what) {
        for (Map.Entry<String, int[]> e : shapes.entrySet()) {
            Tensor t = tensors.get(e.getKey());
            if (t == null) {
                return what + " has no tensor " + e.getKey() + " " + Arrays.toString(e.getValue()) + " (it holds " + tensors.size()
                        + " tensors, " + backbone + " needs " + shapes.size() + ")";
            }
            if (!Arrays.equals(t.shape(), e.getValue())) {
                return what + ": tensor " + e.getKey() + " has shape " + Arrays.toString(t.shape()) + ", " + backbone + " needs " + Arrays.toString(e.getValue());
            }
        }
        for (String name : tensors.keySet()) {
            if (!shapes.containsKey(name)) return what + " holds tensor " + name + ", which " + backbone + " does not have";
        }
        return null;
    }
}
