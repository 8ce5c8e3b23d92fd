package org.genrekit.backbone.mn;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.initializer.Initializer;

/** Gives a parameter pretrained values: an initializer that creates exactly them (shape checked). */
final class Pretrained {
    private Pretrained() {
    }

    static void assign(Parameter p, float[] values, String source) {
        p.setInitializer(constant(values, p.getShape(), source));
    }

    static Initializer constant(float[] values, Shape expected, String source) {
        if (expected != null && expected.size() != values.length) {
            throw new IllegalArgumentException(source + ": " + values.length + " values for a parameter of shape " + expected);
        }
        return (manager, shape, dataType) -> {
            if (shape.size() != values.length) throw new IllegalStateException(source + ": " + values.length + " values for a parameter of shape " + shape);
            return manager.create(values, shape).toType(dataType, false);
        };
    }
}
