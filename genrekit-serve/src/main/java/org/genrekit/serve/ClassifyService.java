package org.genrekit.serve;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Base64;
import java.util.Map;
import org.genrekit.audio.AudioDecodeException;
import org.genrekit.audio.LoadOptions;
import org.genrekit.audio.Signal;
import org.genrekit.models.Classifications;
import org.genrekit.models.GenreClassifier;
import org.genrekit.models.Prediction;
import org.genrekit.models.TrackPolicy;
import org.genrekit.models.result.GenreResult;
import org.genrekit.models.result.ResultJson;

/**
 * The work one request needs from a worker: decode the part of the upload its {@link TrackPolicy}
 * names (the server's limits on top), classify it through that policy, optionally draw its
 * spectrogram, and answer the one result JSON (docs/result-schema.md) plus {@code audio}. Bad audio becomes a
 * 4xx {@link ApiException}; anything else propagates as our bug (500).
 */
final class ClassifyService {
    private final ModelRegistry models;
    private final AudioDecoder decoder;
    private final SpectrogramRenderer renderer;
    private final ServeConfig config;
    private final ServiceMeters metrics;

    ClassifyService(ModelRegistry models, AudioDecoder decoder, SpectrogramRenderer renderer, ServeConfig config, ServiceMeters metrics) {
        this.models = models;
        this.decoder = decoder;
        this.renderer = renderer;
        this.config = config;
        this.metrics = metrics;
    }

    /**
     * The request's policy with the server's limits on top: without {@code --whole-file} at most
     * {@code --max-seconds} are analysed after the offset.
     */
    TrackPolicy policy(ClassifyRequest request) {
        return config.wholeFile() ? request.policy() : request.policy().capDuration(config.maxSeconds());
    }

    /** How the upload is decoded: the policy's part of it; with {@code --whole-file}, longer files than {@code --max-file-seconds} refused. */
    LoadOptions loadOptions(GenreClassifier model, TrackPolicy policy) {
        return policy.loadOptions(model).withMaxFileSeconds(config.wholeFile() ? config.maxFileSeconds() : 0);
    }

    /**
     * Runs on a worker. {@code timings} already holds receive and queue times (ms). A file that
     * exhausts memory (e.g. hours of audio in a generous window) is that request's 413, not a 500:
     * the allocation that failed is garbage once the request is given up.
     */
    ObjectNode classify(Upload upload, GenreClassifier model, ClassifyRequest request, Map<String, Double> timings) {
        try {
            return answer(upload, model, request, timings);
        } catch (OutOfMemoryError e) {
            throw new ApiException(413, "out_of_memory", "decoding and classifying this file needs more memory than the server has ("
                    + e.getMessage() + "); send a shorter file, or run the server with a smaller --max-seconds");
        } catch (StackOverflowError e) {
            throw new ApiException(422, "unprocessable", "model '" + model.name() + "' cannot classify this audio: stack overflow");
        }
    }

    private ObjectNode answer(Upload upload, GenreClassifier model, ClassifyRequest request, Map<String, Double> timings) {
        TrackPolicy policy = policy(request);
        long t0 = System.nanoTime();
        Signal signal;
        try {
            signal = decoder.decode(upload.file(), loadOptions(model, policy));
        } catch (AudioDecodeException e) {
            throw decodeError(e);
        }
        double decodeMs = millisSince(t0);
        metrics.stage("decode", decodeMs);
        if (signal.length() == 0) {
            throw new ApiException(422, "too_short", "no audio after the offset of " + Limits.seconds(policy.offsetSeconds()));
        }
        Prediction p;
        try {
            p = Classifications.classify(model, upload.file(), signal, policy, request.windows());
        } catch (AudioDecodeException e) {
            throw decodeError(e);
        } catch (IllegalArgumentException e) {
            // The model's own precondition on the signal (e.g. too short for one analysis window).
            throw new ApiException(422, "unprocessable", "model '" + model.name() + "' cannot classify this audio: " + e.getMessage());
        }
        metrics.stage("features", p.featureMillis());
        metrics.stage("inference", p.inferenceMillis());
        String image = null;
        double spectrogramMs = 0;
        if (request.spectrogram() && renderer != null) {
            long t1 = System.nanoTime();
            image = "data:image/png;base64," + Base64.getEncoder().encodeToString(renderer.png(signal));
            spectrogramMs = millisSince(t1);
            metrics.stage("spectrogram", spectrogramMs);
        }
        // The client's file name when it sent one: the temp path is not theirs to see.
        String file = upload.filename() != null ? upload.filename() : "-";
        ObjectNode out = ResultJson.of(GenreResult.of(file, p, model, policy, signal.durationSeconds(), decodeMs, request.top()));
        ObjectNode audio = out.putObject("audio");
        audio.put("bytes", upload.bytes());
        audio.put("sample_rate", signal.sampleRate());
        ObjectNode t = (ObjectNode) out.get("timings");
        timings.forEach((k, v) -> t.put(k + "_ms", v));
        if (image != null) {
            t.put("spectrogram_ms", spectrogramMs);
            out.put("spectrogram", image);
        }
        return out;
    }

    static ApiException decodeError(AudioDecodeException e) {
        // The client's file name is not ours to echo; the temp path is not theirs to see.
        String detail = e.getMessage();
        String prefix = e.file() + ": ";
        if (detail != null && detail.startsWith(prefix)) detail = detail.substring(prefix.length());
        String code = e.reason().name().toLowerCase(java.util.Locale.ROOT);
        return switch (e.reason()) {
            case EMPTY_FILE -> new ApiException(400, "empty_body", detail);
            case NOT_AUDIO, NO_AUDIO_STREAM, UNSUPPORTED_CODEC -> new ApiException(415, code, detail);
            case TRUNCATED, INVALID_SAMPLES, TOO_SHORT, NON_FINITE_FEATURES -> new ApiException(422, code, detail);
            case TOO_LONG -> new ApiException(413, code, detail);
            // The file is ours and was just written: failing to read it is our problem.
            case NOT_FOUND, IO_ERROR -> throw new IllegalStateException("reading the upload failed: " + e.getMessage(), e);
        };
    }

    static double millisSince(long t0) {
        return (System.nanoTime() - t0) / 1e6;
    }
}
