package org.genrekit.batch;

import java.util.List;
import java.util.Objects;
import org.genrekit.audio.AudioDecodeException;
import org.genrekit.audio.AudioLoader;
import org.genrekit.audio.LoadOptions;
import org.genrekit.audio.Signal;
import org.genrekit.audio.SignalSource;
import org.genrekit.features.FeatureSet;
import org.genrekit.features.NonFiniteFeaturesException;
import org.genrekit.models.Classifications;
import org.genrekit.models.GenreClassifier;
import org.genrekit.models.ModelIdentity;
import org.genrekit.models.Prediction;
import org.genrekit.models.TrackPolicy;
import org.genrekit.models.result.GenreResult;

/**
 * The real work of a batch: decode a file, classify it with a model through the {@link TrackPolicy}
 * and/or extract a feature vector. When both are asked for and they load audio the same way, the
 * file is decoded once.
 */
public final class ClassifyProcessor implements TrackProcessor {
    private static final System.Logger LOG = System.getLogger(ClassifyProcessor.class.getName());
    private final GenreClassifier classifier;
    private final FeatureSet features;
    private final TrackPolicy policy;
    private final int top;

    /**
     * @param classifier the model, or null for features only
     * @param features   the feature set, or null for classification only
     * @param policy     how a track becomes the model's answer
     * @param top        genres in each result's top list
     */
    public ClassifyProcessor(GenreClassifier classifier, FeatureSet features, TrackPolicy policy, int top) {
        if (classifier == null && features == null) throw new IllegalArgumentException("need a model, a feature set, or both");
        this.classifier = classifier;
        this.features = features;
        this.policy = Objects.requireNonNull(policy, "policy");
        this.top = GenreResult.checkTop(top);
    }

    @Override
    public List<String> labels() {
        return classifier == null ? List.of() : classifier.labels();
    }

    @Override
    public ModelIdentity model() {
        return classifier == null ? null : ModelIdentity.of(classifier);
    }

    @Override
    public List<String> featureColumns() {
        return features == null ? List.of() : features.columns();
    }

    @Override
    public String describe() {
        StringBuilder sb = new StringBuilder();
        if (classifier != null) sb.append("model ").append(classifier.name()).append(' ').append(classifier.version());
        if (features != null) sb.append(sb.isEmpty() ? "" : ", ").append("features ").append(features.recipe().id());
        return sb.toString();
    }

    @Override
    public TrackResult process(BatchItem item) {
        long t0 = System.nanoTime();
        String stage = "decode";
        try {
            GenreResult result = null;
            float[] vector = null;
            double duration = Double.NaN;
            Signal modelSignal = null;
            LoadOptions modelLoad = null;
            if (classifier != null) {
                modelLoad = policy.loadOptions(classifier);
                long d0 = System.nanoTime();
                modelSignal = AudioLoader.load(item.path(), modelLoad);
                double decodeMs = (System.nanoTime() - d0) / 1e6;
                duration = modelSignal.durationSeconds();
                stage = "predict";
                Prediction p = Classifications.classify(classifier, item.path(), modelSignal, policy, false);
                result = GenreResult.of(item.key(), p, classifier, policy, duration, decodeMs, top);
                for (var w : p.warnings()) LOG.log(System.Logger.Level.WARNING, "{0}: {1}", item.path(), w); // short or silent audio
            }
            if (features != null) {
                stage = "features";
                LoadOptions lo = features.loadOptions();
                if (modelSignal != null && Objects.equals(lo, modelLoad)) {
                    vector = features.extract(modelSignal);
                } else {
                    modelSignal = null; // let the model's copy go before computing features
                    // Streamed: gtzan58 and fma518 of hours of audio in bounded memory.
                    MeasuredSource source = new MeasuredSource(SignalSource.of(item.path(), lo));
                    vector = features.extract(source);
                    if (Double.isNaN(duration)) duration = source.seconds();
                }
                try {
                    NonFiniteFeaturesException.requireFinite(vector, features.columns());
                } catch (NonFiniteFeaturesException e) {
                    throw e.forFile(item.path());
                }
            }
            return TrackResult.success(item, result, vector, duration, millis(t0));
        } catch (AudioDecodeException e) {
            // non-finite probabilities are the model's failure, non-finite features the features'; anything else is the audio's
            String at = e.reason() != AudioDecodeException.Reason.NON_FINITE_FEATURES ? "decode" : stage.equals("predict") ? "predict" : "features";
            return TrackResult.failure(item, at, e.reason().name(), e.getMessage(), millis(t0));
        } catch (RuntimeException e) {
            // a model or feature bug on one odd file must not end a 100,000-file run; it is reported with its type
            return TrackResult.failure(item, stage, "PROCESSING_ERROR", e.getClass().getSimpleName() + ": " + e.getMessage(), millis(t0));
        }
    }

    private static double millis(long t0) {
        return (System.nanoTime() - t0) / 1e6;
    }
}
