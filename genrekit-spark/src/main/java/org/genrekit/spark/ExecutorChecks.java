package org.genrekit.spark;

import java.io.IOException;
import java.net.InetAddress;
import org.genrekit.backbone.Engines;
import org.genrekit.backbone.store.BackboneHome;
import org.genrekit.backbone.store.BackboneMissingException;
import org.genrekit.backbone.store.BackboneSpec;
import org.genrekit.backbone.store.Backbones;
import org.genrekit.features.FeatureRecipe;
import org.genrekit.models.GenreClassifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What an executor JVM checks before its first file: native libraries (logged once per JVM), backbones, the model. */
final class ExecutorChecks {
    // SLF4J, Spark's own logging: Spark routes java.util.logging below WARNING nowhere on executors
    private static final Logger LOG = LoggerFactory.getLogger(ExecutorChecks.class);
    private static boolean logged;

    private ExecutorChecks() {
    }

    /**
     * This JVM's native libraries; says once per JVM in the log which it uses (a warning when a
     * fallback is in use), and with {@code require} fails instead of falling back.
     */
    static synchronized Natives natives(boolean require) {
        Natives n = Natives.here();
        if (!logged) {
            logged = true;
            if (n.complete()) {
                LOG.info("genrekit-spark executor {}: MP3 decoder {}, resampler {}", where(), n.mp3Decoder(), n.resampler());
            } else {
                LOG.warn("genrekit-spark executor " + where() + ": " + n.problems()
                        + "; results may differ slightly from librosa's and from other nodes' (the rows say mp3_decoder=" + n.mp3Decoder()
                        + ", resampler=" + n.resampler() + "; --require-native fails instead)");
            }
        }
        if (require && !n.complete()) throw new NodeCheckException("--require-native: executor " + where() + ": " + n.problems());
        return n;
    }

    /** Fails when {@code recipe} runs a backbone that is not installed on this node; sets PyTorch to one thread per task when it is. */
    static void backbone(FeatureRecipe recipe) {
        if (recipe == null || BackboneSpec.find(recipe.name()).isEmpty()) return;
        try {
            Backbones.require(recipe.name());
        } catch (BackboneMissingException e) {
            throw new NodeCheckException("executor " + where() + " (GENREKIT_HOME " + BackboneHome.home() + "): " + e.getMessage()
                    + "; every node needs it at the same path: --conf spark.executorEnv.GENREKIT_HOME=DIR", e);
        }
        // Spark runs one task per core: a PyTorch pool per task would oversubscribe the cores.
        Engines.configure(1);
    }

    /** Opens the model on this executor; a bundle that does not load here (e.g. other backbone weights) stops the job. */
    static GenreClassifier open(ClassifierSource model) {
        try {
            GenreClassifier c = model.open();
            backbone(c.recipe());
            return c;
        } catch (IOException | RuntimeException e) {
            if (e instanceof NodeCheckException n) throw n;
            throw new NodeCheckException("executor " + where() + " cannot load the model " + model.info().name() + ": " + e.getMessage(), e);
        }
    }

    static String where() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            host = "?";
        }
        return host + " pid " + ProcessHandle.current().pid();
    }
}
