package org.genrekit.backbone;

import ai.djl.Device;
import ai.djl.engine.Engine;

/**
 * Chooses the PyTorch engine's device and thread count. The engine reads its thread settings once,
 * when it starts, so {@link #configure(int)} must run before the first model is built.
 */
public final class Engines {
    public static final String ENGINE = "PyTorch";
    private static volatile boolean started;

    private Engines() {
    }

    /**
     * Sets the engine's intra-op threads (0 = one per core) and single inter-op thread, unless the
     * user set them with {@code -Dai.djl.pytorch.num_threads}. Has no effect once the engine runs.
     */
    public static synchronized void configure(int threads) {
        if (started) return;
        System.setProperty("ai.djl.offline", System.getProperty("ai.djl.offline", "true"));
        int n = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        if (System.getProperty("ai.djl.pytorch.num_threads") == null) System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(n));
        if (System.getProperty("ai.djl.pytorch.num_interop_threads") == null) System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
    }

    public static synchronized Engine engine() {
        configure(0);
        Engine e = Engine.getEngine(ENGINE);
        started = true;
        return e;
    }

    /** "cpu" or "gpu"; asking for a GPU where there is none is an error, not a silent fallback. */
    public static Device device(String name) {
        Engine e = engine();
        return switch (name) {
            case "cpu" -> Device.cpu();
            case "gpu" -> {
                if (e.getGpuCount() == 0) throw new IllegalArgumentException("--device gpu: no GPU visible to the PyTorch engine");
                yield Device.gpu();
            }
            default -> throw new IllegalArgumentException("device must be cpu or gpu, got '" + name + "'");
        };
    }
}
