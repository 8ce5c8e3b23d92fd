package org.genrekit.audio.ffmpeg;

import static org.bytedeco.ffmpeg.global.avcodec.*;
import static org.bytedeco.ffmpeg.global.avutil.*;
import static org.bytedeco.ffmpeg.global.avformat.av_read_frame;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.genrekit.audio.AudioDecodeException;
import org.genrekit.audio.AudioDecodeException.Reason;
import org.genrekit.audio.AudioInfo;
import org.genrekit.audio.SampleSink;
import org.genrekit.audio.StreamInfo;

/**
 * Decodes a file at its native rate to mono float with FFmpeg (bytedeco presets), applying
 * librosa.load's offset/duration window in native frames. Gapless: FFmpeg's MP3 demuxer reads the
 * LAME/Xing tag and the decoder drops the encoder delay (skip_samples) and the end padding.
 * Stateless and thread-safe: every call owns its native contexts and frees them before returning.
 */
public final class FfmpegDecoder {
    /** Wall-clock limit for one file, so a pathological input can never hang a batch. */
    private static final long TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(
            Long.getLong("genrekit.audio.timeoutSeconds", 600));

    /** The first sample buffer never holds more frames than this (16 MB; 3 min at 22.05 kHz); it grows as decoding goes. */
    static final int FIRST_BUFFER_FRAMES = 1 << 22;

    /** More frames than one decoded packet (or libsndfile chunk) of any codec gives. */
    private static final long MAX_PACKET_FRAMES = 1 << 16;

    /** The most end padding trimmed to the header's exact length: about two codec frames. */
    private static final long MAX_END_PADDING = StreamSink.HOLD;

    private FfmpegDecoder() {
    }

    /**
     * Whether this JVM decodes MP3 with libsndfile (librosa's decoder, bit-identical samples); false
     * when {@code libsndfile.so.1} is not loadable or is switched off, and FFmpeg's mp3float decodes
     * MP3 instead (about 122 dB SNR to librosa's samples, not bit-identical).
     */
    public static boolean libsndfileMp3() {
        return SndfileMp3.isAvailable();
    }

    /** Native-rate mono samples of the requested window, with the file's rate and channel count. */
    public record Decoded(float[] samples, int sampleRate, int channels) {
    }

    public static AudioInfo probe(Path file) throws AudioDecodeException {
        try (FfmpegInput in = FfmpegInput.open(file, TIMEOUT_NANOS)) {
            return new AudioInfo(file, in.containerName(), in.codecName(), in.sampleRate(), in.channels(),
                    in.headerSeconds(), in.fmt.bit_rate() > 0 ? in.fmt.bit_rate() : in.par.bit_rate());
        }
    }

    /**
     * @param offsetSeconds   librosa's offset: decoding keeps frames from int(offset * sr)
     * @param durationSeconds librosa's duration (0 = to the end): int(duration * sr) frames
     * @param maxFileSeconds  reject files longer than this (0 = no limit), from the header and while decoding
     */
    public static Decoded decode(Path file, double offsetSeconds, double durationSeconds, double maxFileSeconds)
            throws AudioDecodeException {
        try (FfmpegInput in = FfmpegInput.open(file, TIMEOUT_NANOS)) {
            Window w = window(in, offsetSeconds, durationSeconds, maxFileSeconds);
            FloatSink sink = new FloatSink(w.start(), w.count(), firstBuffer(in.headerSeconds(), in.sampleRate(), w.start(), w.count(), w.maxFrames()),
                    keepLimit(w.start(), w.count(), w.maxFrames()));
            long keep = run(in, w, sink, offsetSeconds).keep();
            float[] y = sink.toArray();
            if (keep < y.length) y = java.util.Arrays.copyOf(y, (int) keep);
            return new Decoded(y, in.sampleRate(), in.channels());
        }
    }

    /**
     * As {@link #decode} with the window {@code [offset, offset + maxSeconds)}, but null when the
     * file goes on past it: a caller that can stream long files decodes short ones whole, once.
     */
    public static Decoded decodeIfAtMost(Path file, double offsetSeconds, double maxSeconds, double maxFileSeconds)
            throws AudioDecodeException {
        try (FfmpegInput in = FfmpegInput.open(file, TIMEOUT_NANOS)) {
            Window w = window(in, offsetSeconds, maxSeconds, maxFileSeconds);
            FloatSink sink = new FloatSink(w.start(), w.count(), firstBuffer(in.headerSeconds(), in.sampleRate(), w.start(), w.count(), w.maxFrames()),
                    keepLimit(w.start(), w.count(), w.maxFrames()));
            Outcome o = run(in, w, sink, offsetSeconds);
            if (!o.complete()) return null;
            float[] y = sink.toArray();
            if (o.keep() < y.length) y = java.util.Arrays.copyOf(y, (int) o.keep());
            return new Decoded(y, in.sampleRate(), in.channels());
        }
    }

    /**
     * As {@link #decode}, but the window's frames go to a sink as they are decoded instead of into
     * one array: memory stays a few blocks whatever the file's length. The sink is asked for once
     * the file's rate is known ({@code sinkAtRate}); the last {@link StreamSink#HOLD} frames reach
     * it only at the end (they may be the coder's end padding). Errors found at the end (a file cut
     * short) are thrown after the sink has seen the frames before them.
     */
    public static StreamInfo stream(Path file, double offsetSeconds, double durationSeconds, double maxFileSeconds,
                                    IntFunction<SampleSink> sinkAtRate) throws AudioDecodeException {
        try (FfmpegInput in = FfmpegInput.open(file, TIMEOUT_NANOS)) {
            Window w = window(in, offsetSeconds, durationSeconds, maxFileSeconds);
            StreamSink sink = new StreamSink(w.start(), w.count(), sinkAtRate.apply(in.sampleRate()));
            long keep = run(in, w, sink, offsetSeconds).keep();
            sink.finish(keep);
            return new StreamInfo(in.sampleRate(), keep);
        }
    }

    /** The window in native frames, after the header's length is checked against the limit. */
    private record Window(long start, long count, long maxFrames) {
    }

    private static Window window(FfmpegInput in, double offsetSeconds, double durationSeconds, double maxFileSeconds)
            throws AudioDecodeException {
        int sr = in.sampleRate();
        double headerSeconds = in.headerSeconds();
        if (maxFileSeconds > 0 && headerSeconds > maxFileSeconds) {
            throw tooLong(in.file, headerSeconds, maxFileSeconds);
        }
        // Python's int() of a non-negative float truncates, like a long cast.
        long start = (long) (offsetSeconds * sr);
        long count = durationSeconds > 0 ? (long) (durationSeconds * sr) : -1;
        long maxFrames = maxFileSeconds > 0 ? (long) Math.ceil(maxFileSeconds * sr) : Long.MAX_VALUE;
        checkRiffComplete(in);
        return new Window(start, count, maxFrames);
    }

    /**
     * What a decode found: how many of the window's frames to keep (the coder's end padding
     * trimmed), and whether the file ended (false: decoding stopped at the window's end).
     */
    private record Outcome(long keep, boolean complete) {
    }

    /** Decodes into {@code sink}. */
    private static Outcome run(FfmpegInput in, Window w, MonoSink sink, double offsetSeconds) throws AudioDecodeException {
        Path file = in.file;
        int sr = in.sampleRate();
        long maxFrames = w.maxFrames();
        boolean complete;
        if ("mp3".equals(in.codecName()) && SndfileMp3.isAvailable()
                && SndfileMp3.decode(file, sr, in.channels(), sink, maxFrames,
                        seconds -> tooLong(file, seconds, maxFrames / (double) sr))) {
            complete = !sink.full(); // librosa's own decoder: bit-identical samples
        } else {
            complete = decodeInto(in, sink, maxFrames);
        }
        long keep = sink.size();
        if (complete) {
            long declared = in.declaredFrames();
            long excess = sink.framesSeen() - declared;
            if (declared > 0 && excess > 0 && excess <= MAX_END_PADDING) {
                // The coder's end padding (an AAC frame in m4a: the edit list gives the true length).
                keep = Math.max(0, Math.min(keep, declared - w.start()));
            }
            // A missing tail of more than 1% (and a few codec frames) means the file was cut short.
            if (declared > 0 && sink.framesSeen() < declared - Math.max(declared / 100, 8192)) {
                throw new AudioDecodeException(file, Reason.TRUNCATED, String.format(
                        "header promises %d frames (%.2f s), the file holds %d (%.2f s)",
                        declared, declared / (double) sr, sink.framesSeen(), sink.framesSeen() / (double) sr));
            }
        }
        if (keep == 0) {
            throw new AudioDecodeException(file, Reason.TOO_SHORT, sink.framesSeen() == 0
                    ? "no audio samples in the file"
                    : String.format("offset %.3f s is past the end (%.3f s)", offsetSeconds, sink.framesSeen() / (double) sr));
        }
        return new Outcome(keep, complete);
    }

    /**
     * Frames the first buffer holds: the header's length when it is plausible, never more than
     * {@link #FIRST_BUFFER_FRAMES}, the window or the length limit. A header can claim any length
     * (an edited Xing frame count, FLAC total samples of all ones, a sparse 2 GiB WAV), so the
     * buffer grows from what is really decoded instead of trusting it.
     */
    static int firstBuffer(double headerSeconds, int sr, long start, long count, long maxFrames) {
        double header = Double.isNaN(headerSeconds) ? 30.0 * sr : Math.max(0, headerSeconds * sr - start) + 4096;
        double frames = Math.min(header, FIRST_BUFFER_FRAMES);
        if (count >= 0) frames = Math.min(frames, count);
        if (maxFrames != Long.MAX_VALUE) frames = Math.min(frames, Math.max(0, maxFrames - start) + 4096.0);
        return (int) frames;
    }

    /**
     * The most frames the buffer may ever need to hold: the window, or what the length limit lets
     * through (plus one codec packet, which is decoded before the limit is checked).
     */
    static long keepLimit(long start, long count, long maxFrames) {
        long keep = count >= 0 ? count : Long.MAX_VALUE;
        if (maxFrames != Long.MAX_VALUE) keep = Math.min(keep, Math.max(0, maxFrames - start) + MAX_PACKET_FRAMES);
        return keep;
    }

    /** @return true when the whole file was decoded, false when it stopped at the end of the window */
    private static boolean decodeInto(FfmpegInput in, MonoSink sink, long maxFrames) throws AudioDecodeException {
        Path file = in.file;
        AVCodec codec = avcodec_find_decoder(in.par.codec_id());
        if (codec == null || codec.isNull()) {
            throw new AudioDecodeException(file, Reason.UNSUPPORTED_CODEC, "no decoder for codec " + in.codecName());
        }
        AVCodecContext ctx = avcodec_alloc_context3(codec);
        AVPacket pkt = av_packet_alloc();
        AVFrame frame = av_frame_alloc();
        try {
            if (ctx == null || pkt == null || frame == null) {
                throw new AudioDecodeException(file, Reason.IO_ERROR, "cannot allocate FFmpeg decoder state");
            }
            int ret = avcodec_parameters_to_context(ctx, in.par);
            if (ret >= 0) {
                ctx.pkt_timebase(in.stream.time_base());
                // Audio decoders are single-threaded anyway; parallelism comes from decoding many files.
                ctx.thread_count(1);
                ret = avcodec_open2(ctx, codec, (AVDictionary) null);
            }
            if (ret < 0) {
                throw new AudioDecodeException(file, Reason.UNSUPPORTED_CODEC,
                        "cannot open the " + in.codecName() + " decoder: " + FfmpegInput.errorText(ret));
            }
            FrameMixer mixer = new FrameMixer();
            int channels = in.channels();
            int badPackets = 0;
            int goodPackets = 0;
            while (true) {
                ret = av_read_frame(in.fmt, pkt);
                if (ret < 0) {
                    if (ret == AVERROR_EXIT || in.timedOut()) {
                        throw new AudioDecodeException(file, Reason.IO_ERROR, "decoding timed out");
                    }
                    break; // EOF, or an unreadable tail: what was decoded so far is judged below
                }
                if (pkt.stream_index() != in.streamIndex) {
                    av_packet_unref(pkt);
                    continue;
                }
                ret = avcodec_send_packet(ctx, pkt);
                av_packet_unref(pkt);
                if (ret < 0 && ret != AVERROR_EAGAIN()) {
                    badPackets++; // a corrupt packet: decoders resynchronise on the next one
                    continue;
                }
                goodPackets++;
                if (drain(in, ctx, frame, mixer, channels, sink, maxFrames)) {
                    return false;
                }
            }
            avcodec_send_packet(ctx, null); // flush: the decoder's delayed frames
            drain(in, ctx, frame, mixer, channels, sink, maxFrames);
            if (goodPackets == 0 && badPackets > 0) {
                throw new AudioDecodeException(file, Reason.NOT_AUDIO,
                        "no packet of the " + in.codecName() + " stream could be decoded");
            }
            return true;
        } finally {
            av_frame_free(frame);
            av_packet_free(pkt);
            avcodec_free_context(ctx);
        }
    }

    /** Receives every ready frame into the sink; true once the window is full. */
    private static boolean drain(FfmpegInput in, AVCodecContext ctx, AVFrame frame, FrameMixer mixer, int channels,
                                 MonoSink sink, long maxFrames) throws AudioDecodeException {
        while (true) {
            int ret = avcodec_receive_frame(ctx, frame);
            if (ret < 0) {
                return false; // EAGAIN (needs input), EOF, or a decode error on this frame
            }
            try {
                int frameChannels = frame.ch_layout().nb_channels();
                if (frameChannels != channels || frame.sample_rate() != in.sampleRate()) {
                    // A stream that changes layout midway would mix incomparable samples.
                    throw new AudioDecodeException(in.file, Reason.UNSUPPORTED_CODEC, String.format(
                            "stream changes from %d ch / %d Hz to %d ch / %d Hz", channels, in.sampleRate(),
                            frameChannels, frame.sample_rate()));
                }
                int n = mixer.mix(frame, channels);
                if (n < 0) {
                    throw new AudioDecodeException(in.file, Reason.UNSUPPORTED_CODEC,
                            "unsupported sample format " + frame.format());
                }
                if (isFloat(frame.format())) {
                    checkFinite(in, mixer.mono(), n, sink.framesSeen());
                }
                if (!sink.offer(mixer.mono(), n)) {
                    throw new AudioDecodeException(in.file, Reason.TOO_LONG, String.format(
                            "more than %d samples (%.0f s) do not fit in one signal; load a window with offset/duration",
                            Integer.MAX_VALUE - 16L, (Integer.MAX_VALUE - 16.0) / in.sampleRate()));
                }
                if (sink.framesSeen() > maxFrames) {
                    throw tooLong(in.file, sink.framesSeen() / (double) in.sampleRate(), maxFrames / (double) in.sampleRate());
                }
            } finally {
                av_frame_unref(frame);
            }
            if (sink.full()) {
                return true;
            }
        }
    }

    private static void checkRiffComplete(FfmpegInput in) throws AudioDecodeException {
        if (!"wav".equals(in.containerName())) {
            return;
        }
        long missing;
        try {
            missing = RiffDataCheck.missingBytes(in.file);
        } catch (java.io.IOException e) {
            throw new AudioDecodeException(in.file, Reason.IO_ERROR, e.getMessage(), e);
        }
        if (missing > 0) {
            throw new AudioDecodeException(in.file, Reason.TRUNCATED,
                    "the WAV data chunk lacks " + missing + " of its declared bytes");
        }
    }

    private static void checkFinite(FfmpegInput in, float[] x, int n, long at) throws AudioDecodeException {
        for (int i = 0; i < n; i++) {
            if (!Float.isFinite(x[i])) {
                throw new AudioDecodeException(in.file, Reason.INVALID_SAMPLES, String.format(
                        "non-finite sample (%s) at frame %d (%.3f s)", x[i], at + i, (at + i) / (double) in.sampleRate()));
            }
        }
    }

    private static boolean isFloat(int fmt) {
        int p = av_get_packed_sample_fmt(fmt);
        return p == AV_SAMPLE_FMT_FLT || p == AV_SAMPLE_FMT_DBL;
    }

    private static AudioDecodeException tooLong(Path file, double seconds, double limit) {
        return new AudioDecodeException(file, Reason.TOO_LONG,
                String.format("%.1f s is longer than the limit of %.1f s", seconds, limit));
    }
}
