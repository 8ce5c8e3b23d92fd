package org.genrekit.serve;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.genrekit.audio.AudioDecodeException;
import org.genrekit.audio.LoadOptions;
import org.genrekit.audio.Signal;
import org.genrekit.models.Classifications;
import org.genrekit.models.GenreClassifier;
import org.genrekit.models.Prediction;

/**
 * The work one request needs from a worker: decode the upload within the configured window,
 * classify it, optionally draw its spectrogram, and shape the JSON answer. Bad audio becomes a
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

    LoadOptions loadOptions(GenreClassifier model) {
        LoadOptions base = model.loadOptions().withOffset(config.offsetSeconds());
        return config.wholeFile()
                ? base.withDuration(0).withMaxFileSeconds(config.maxFileSeconds())
                : base.withDuration(config.maxSeconds()).withMaxFileSeconds(0);
    }

    /**
     * Runs on a worker. {@code timings} already holds receive and queue times (ms). A file that
     * exhausts memory (e.g. hours of audio in a generous window) is that request's 413, not a 500:
     * the allocation that failed is garbage once the request is given up.
     */
    Map<String, Object> classify(Upload upload, GenreClassifier model, ClassifyRequest request, Map<String, Double> timings) {
        try {
            return answer(upload, model, request, timings);
        } catch (OutOfMemoryError e) {
            throw new ApiException(413, "out_of_memory", "decoding and classifying this file needs more memory than the server has ("
                    + e.getMessage() + "); send a shorter file, or run the server with a smaller --max-seconds");
        } catch (StackOverflowError e) {
            throw new ApiException(422, "unprocessable", "model '" + model.name() + "' cannot classify this audio: stack overflow");
        }
    }

    private Map<String, Object> answer(Upload upload, GenreClassifier model, ClassifyRequest request, Map<String, Double> timings) {
        long t0 = System.nanoTime();
        Signal signal;
        try {
            signal = decoder.decode(upload.file(), loadOptions(model));
        } catch (AudioDecodeException e) {
            throw decodeError(e);
        }
        double decodeMs = millisSince(t0);
        metrics.stage("decode", decodeMs);
        if (signal.length() == 0) {
            throw new ApiException(422, "too_short", "no audio after the offset of " + Limits.seconds(config.offsetSeconds()));
        }
        Prediction p;
        try {
            p = Classifications.classify(model, upload.file(), signal, request.segments());
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

        Map<String, Object> out = new LinkedHashMap<>();
        out.put("genre", p.topLabel());
        out.put("probabilities", probabilities(p.labels(), p.probabilities()));
        out.put("ranking", p.ranking().stream().map(p.labels()::get).toList());
        out.put("warnings", warnings(p));
        if (request.segments()) {
            List<Map<String, Object>> segs = new ArrayList<>();
            for (Prediction.Segment s : p.segments()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("start", round(s.startSeconds(), 3));
                m.put("end", round(s.endSeconds(), 3));
                m.put("genre", p.labels().get(argmax(s.probabilities())));
                m.put("probabilities", probabilities(p.labels(), s.probabilities()));
                segs.add(m);
            }
            out.put("segments", segs);
        }
        Map<String, Object> modelInfo = new LinkedHashMap<>();
        modelInfo.put("name", model.name());
        modelInfo.put("version", model.version());
        out.put("model", modelInfo);
        Map<String, Object> audio = new LinkedHashMap<>();
        if (upload.filename() != null) audio.put("filename", upload.filename());
        audio.put("bytes", upload.bytes());
        audio.put("offsetSeconds", config.offsetSeconds());
        audio.put("analysedSeconds", round(signal.durationSeconds(), 3));
        audio.put("sampleRate", signal.sampleRate());
        out.put("audio", audio);
        timings.put("decode", decodeMs);
        timings.put("features", p.featureMillis());
        timings.put("inference", p.inferenceMillis());
        if (image != null) timings.put("spectrogram", spectrogramMs);
        if (image != null) out.put("spectrogram", image);
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

    /** What makes the answer a guess (very short or silent audio), as {@code [{code, detail}]}; empty for ordinary audio. */
    static List<Map<String, String>> warnings(Prediction p) {
        List<Map<String, String>> out = new ArrayList<>();
        for (var w : p.warnings()) {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("code", w.code().toLowerCase(java.util.Locale.ROOT));
            m.put("detail", w.detail());
            out.add(m);
        }
        return out;
    }

    static Map<String, Double> probabilities(List<String> labels, double[] p) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < labels.size(); i++) m.put(labels.get(i), round(p[i], 6));
        return m;
    }

    private static int argmax(double[] p) {
        int best = 0;
        for (int i = 1; i < p.length; i++) if (p[i] > p[best]) best = i;
        return best;
    }

    static double round(double v, int digits) {
        double f = Math.pow(10, digits);
        return Math.round(v * f) / f;
    }

    static double millisSince(long t0) {
        return (System.nanoTime() - t0) / 1e6;
    }
}
