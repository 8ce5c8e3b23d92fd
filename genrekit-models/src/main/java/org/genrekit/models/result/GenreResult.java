package org.genrekit.models.result;

import java.util.List;
import java.util.Objects;
import org.genrekit.audio.SignalWarning;
import org.genrekit.models.GenreClassifier;
import org.genrekit.models.ModelIdentity;
import org.genrekit.models.Prediction;
import org.genrekit.models.TrackPolicy;

/**
 * One prediction for one file, as every command reports it ({@code classify --json}, the HTTP API,
 * {@code batch} in every format, {@code tag}, the Spark job); written by {@link ResultJson} and
 * {@link ResultRow}, described by docs/result.schema.json.
 *
 * @param file       the file as the caller named it ({@code -} for stdin, the upload's name on the API)
 * @param prediction the model's answer (probabilities, windows, feature and model times, warnings)
 * @param model      which model answered
 * @param policy     the policy applied, window and hop resolved for the model
 * @param analysedSeconds audio analysed (after offset and duration)
 * @param decodeMillis time spent decoding
 * @param top        how many genres the {@code top} list holds (at most the number of labels)
 */
public record GenreResult(String file, Prediction prediction, ModelIdentity model, TrackPolicy policy,
                          double analysedSeconds, double decodeMillis, int top) {
    public GenreResult {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(prediction, "prediction");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(policy, "policy");
        checkTop(top);
        if (policy.windowSeconds() <= 0 || policy.hopSeconds() <= 0) {
            throw new IllegalArgumentException("a result's policy has its window and hop resolved, got " + policy);
        }
    }

    /** The {@code --top}/{@code top} check every command shares. */
    public static int checkTop(int top) {
        if (top < 1) throw new IllegalArgumentException("top must be >= 1, got " + top);
        return top;
    }

    /** {@code policy} as applied to {@code clf}: its window and hop resolved. */
    public static TrackPolicy resolved(TrackPolicy policy, GenreClassifier clf) {
        return policy.withWindow(policy.windowFor(clf), policy.hopFor(clf));
    }

    public static GenreResult of(String file, Prediction p, GenreClassifier clf, TrackPolicy policy,
                                 double analysedSeconds, double decodeMillis, int top) {
        return new GenreResult(file, p, ModelIdentity.of(clf), resolved(policy, clf), analysedSeconds, decodeMillis, top);
    }

    public String genre() {
        return prediction.topLabel();
    }

    public double probability() {
        return prediction.probabilities()[prediction.topIndex()];
    }

    /** Label indices of the {@code top} most probable genres, most probable first. */
    public List<Integer> topIndices() {
        List<Integer> r = prediction.ranking();
        return r.subList(0, Math.min(top, r.size()));
    }

    public List<SignalWarning> warnings() {
        return prediction.warnings();
    }
}
