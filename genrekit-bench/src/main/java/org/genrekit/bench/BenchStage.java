package org.genrekit.bench;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import org.genrekit.audio.AudioLoader;
import org.genrekit.audio.LoadOptions;
import org.genrekit.audio.Signal;
import org.genrekit.features.FeatureRecipe;
import org.genrekit.features.FeatureSet;
import org.genrekit.features.FeatureSets;

/**
 * One timed unit of work on one clip. A stage whose implementation is missing (class absent, or the
 * contract still throws UnsupportedOperationException) is reported as unavailable, not as a failure.
 */
interface BenchStage {
    /** Runs the stage on {@code clip}; returns a value derived from the output so the JIT cannot drop it. */
    double run(Path clip) throws Exception;

    /** Decoding only, at {@code options}' rate. */
    static BenchStage decode(LoadOptions options) {
        return clip -> AudioLoader.load(clip, options).samples()[0];
    }

    /** Decode to 22050 Hz, then librosa's default melspectrogram (128 bands, incl. STFT). */
    static BenchStage decodeAndMel() throws ReflectiveOperationException {
        MelCall mel = MelCall.create(LoadOptions.DEFAULT_SAMPLE_RATE);
        return clip -> mel.apply(AudioLoader.load(clip, LoadOptions.defaults()));
    }

    /** Mel only, on a signal decoded beforehand. */
    static BenchStage melOnly(Signal preloaded) throws ReflectiveOperationException {
        MelCall mel = MelCall.create(preloaded.sampleRate());
        return clip -> mel.apply(preloaded);
    }

    /** Decode with the set's own load options, then extract its vector. */
    static BenchStage decodeAndSet(String recipe) throws ReflectiveOperationException {
        FeatureSet set = resolve(recipe);
        return clip -> set.extract(AudioLoader.load(clip, set.loadOptions()))[0];
    }

    /** Feature vector only, on a signal decoded beforehand with the set's load options. */
    static BenchStage setOnly(String recipe, Signal preloaded) throws ReflectiveOperationException {
        FeatureSet set = resolve(recipe);
        return clip -> set.extract(preloaded)[0];
    }

    /**
     * {@link FeatureSets#create(String)}; while a finished set is not registered there yet, its class
     * {@code org.genrekit.features.sets.<Name>} (e.g. {@code Fma518}) is constructed directly, and
     * {@link #DIRECT} records that so the report can say so.
     */
    static FeatureSet resolve(String recipe) throws ReflectiveOperationException {
        try {
            return FeatureSets.create(recipe);
        } catch (IllegalArgumentException | UnsupportedOperationException notRegistered) {
            String name = FeatureRecipe.parse(recipe).name();
            String cls = "org.genrekit.features.sets." + Character.toUpperCase(name.charAt(0)) + name.substring(1);
            Class<?> c;
            try {
                c = Class.forName(cls);
            } catch (ClassNotFoundException e) {
                throw notRegistered;
            }
            FeatureSet set = (FeatureSet) c.getConstructor(FeatureRecipe.class).newInstance(FeatureRecipe.parse(recipe));
            DIRECT.add(name + ": FeatureSets.create(\"" + recipe + "\") failed (" + notRegistered.getMessage()
                    + "); timed " + cls + " directly");
            return set;
        }
    }

    /** Sets that were constructed directly rather than through FeatureSets. */
    java.util.Set<String> DIRECT = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /**
     * {@code org.genrekit.features.spectral.MelSpectrogram.defaults(sr).compute(signal)}, bound by
     * reflection so that this harness compiles before the features work is merged.
     */
    record MelCall(Object mel, Method compute) {
        static MelCall create(int sampleRate) throws ReflectiveOperationException {
            Class<?> c = Class.forName("org.genrekit.features.spectral.MelSpectrogram");
            Object mel = c.getMethod("defaults", int.class).invoke(null, sampleRate);
            return new MelCall(mel, c.getMethod("compute", Signal.class));
        }

        double apply(Signal s) throws Exception {
            try {
                Object out = compute.invoke(mel, s);
                return out instanceof float[][] m ? m[0][0] : out.hashCode();
            } catch (InvocationTargetException e) {
                throw e.getCause() instanceof Exception ex ? ex : e;
            }
        }
    }
}
