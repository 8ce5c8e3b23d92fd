package org.genrekit.audio.ffmpeg;

import static org.bytedeco.ffmpeg.global.avcodec.*;
import static org.bytedeco.ffmpeg.global.avformat.*;
import static org.bytedeco.ffmpeg.global.avutil.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIOInterruptCB;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.javacpp.LongPointer;
import org.bytedeco.javacpp.Pointer;
import org.genrekit.audio.AudioDecodeException;
import org.genrekit.audio.AudioDecodeException.Reason;
import org.genrekit.audio.PathProblems;

/**
 * An opened container with its best audio stream chosen. Owns the native format context (and the
 * deadline cell the interrupt callback reads); {@link #close()} frees both.
 */
final class FfmpegInput implements AutoCloseable {
    static {
        // FFmpeg's own log lines would duplicate (badly) what our typed errors say.
        av_log_set_level(AV_LOG_QUIET);
    }

    /**
     * One shared callback for every input: JavaCPP callbacks are a scarce native resource, so the
     * per-input state (the deadline in System.nanoTime units) lives in the opaque pointer instead.
     */
    private static final AVIOInterruptCB.Callback_Pointer INTERRUPT = new AVIOInterruptCB.Callback_Pointer() {
        @Override
        public int call(Pointer opaque) {
            return System.nanoTime() - new LongPointer(opaque).get() > 0 ? 1 : 0;
        }
    };

    final Path file;
    final AVFormatContext fmt;
    final int streamIndex;
    final AVStream stream;
    final AVCodecParameters par;
    private final LongPointer deadline;

    private FfmpegInput(Path file, AVFormatContext fmt, int streamIndex, LongPointer deadline) {
        this.file = file;
        this.fmt = fmt;
        this.streamIndex = streamIndex;
        this.stream = fmt.streams(streamIndex);
        this.par = stream.codecpar();
        this.deadline = deadline;
    }

    /** Opens {@code file}, reads stream info and picks the best audio stream; frees everything on failure. */
    static FfmpegInput open(Path file, long timeoutNanos) throws AudioDecodeException {
        checkFile(file);
        LongPointer deadline = new LongPointer(1);
        deadline.put(System.nanoTime() + timeoutNanos);
        AVFormatContext fmt = avformat_alloc_context();
        if (fmt == null || fmt.isNull()) {
            deadline.close();
            throw new AudioDecodeException(file, Reason.IO_ERROR, "cannot allocate an FFmpeg context");
        }
        boolean ok = false;
        boolean opened = false;
        AVDictionary options = new AVDictionary(null);
        try {
            AVIOInterruptCB cb = fmt.interrupt_callback();
            cb.callback(INTERRUPT);
            cb.opaque(deadline);
            // Local files only, read as themselves: no other protocol, and no demuxer that opens
            // the files or URLs a playlist or concat script lists (Demuxers.REFUSED).
            av_dict_set(options, "protocol_whitelist", "file", 0);
            av_dict_set(options, "format_whitelist", Demuxers.WHITELIST, 0);
            int ret = avformat_open_input(fmt, "file:" + file.toAbsolutePath(), null, options);
            if (ret < 0) {
                // avformat_open_input frees the context on failure.
                String refused = Demuxers.refusedFormat(file);
                if (refused != null) {
                    throw new AudioDecodeException(file, Reason.NOT_AUDIO, "a playlist or script (FFmpeg demuxer "
                            + refused + ") that would open other files; only plain audio files are read");
                }
                throw openError(file, ret);
            }
            opened = true;
            ret = avformat_find_stream_info(fmt, (AVDictionary) null);
            if (ret < 0) {
                throw openError(file, ret);
            }
            int idx = av_find_best_stream(fmt, AVMEDIA_TYPE_AUDIO, -1, -1, (org.bytedeco.ffmpeg.avcodec.AVCodec) null, 0);
            if (idx < 0) {
                throw noUsableStream(file, fmt);
            }
            FfmpegInput in = new FfmpegInput(file, fmt, idx, deadline);
            if (in.channels() <= 0) {
                throw noChannels(file);
            }
            if (in.sampleRate() <= 0) {
                throw new AudioDecodeException(file, Reason.NOT_AUDIO, "the audio stream declares no sample rate");
            }
            ok = true;
            return in;
        } finally {
            av_dict_free(options);
            if (!ok) {
                if (opened) {
                    avformat_close_input(fmt);
                } else if (!fmt.isNull()) {
                    avformat_free_context(fmt);
                }
                deadline.close();
            }
        }
    }

    /** Why av_find_best_stream found nothing: no audio at all, or an audio stream it cannot use. */
    private static AudioDecodeException noUsableStream(Path file, AVFormatContext fmt) {
        for (int i = 0; i < fmt.nb_streams(); i++) {
            AVCodecParameters p = fmt.streams(i).codecpar();
            if (p.codec_type() == AVMEDIA_TYPE_AUDIO) {
                if (p.ch_layout().nb_channels() <= 0) {
                    return noChannels(file);
                }
                return new AudioDecodeException(file, Reason.UNSUPPORTED_CODEC,
                        "no decoder for the audio codec " + avcodec_get_name(p.codec_id()).getString());
            }
        }
        return new AudioDecodeException(file, Reason.NO_AUDIO_STREAM, "container " + formatName(fmt) + " has no audio stream");
    }

    /** FFmpeg reports 0 channels both for a header that says 0 and for more than it decodes: say which. */
    private static AudioDecodeException noChannels(Path file) {
        int declared;
        try {
            declared = RiffDataCheck.declaredChannels(file);
        } catch (IOException e) {
            declared = -1;
        }
        if (declared > MAX_CHANNELS) {
            return new AudioDecodeException(file, Reason.NOT_AUDIO, "the WAV header declares " + declared
                    + " channels; FFmpeg decodes at most " + MAX_CHANNELS);
        }
        return new AudioDecodeException(file, Reason.NOT_AUDIO, "the audio stream declares 0 channels");
    }

    /** FFmpeg's FF_SANE_NB_CHANNELS: streams with more channels are given 0. */
    static final int MAX_CHANNELS = 512;

    private static void checkFile(Path file) throws AudioDecodeException {
        PathProblems.Problem problem = PathProblems.of(file);
        if (problem != null) {
            throw new AudioDecodeException(file, problem.reason(), problem.detail());
        }
        // FIFOs, devices and directories could block or never end: only regular files are read.
        if (!Files.isRegularFile(file)) {
            throw new AudioDecodeException(file, Reason.NOT_AUDIO, "not a regular file");
        }
        if (!Files.isReadable(file)) {
            throw new AudioDecodeException(file, Reason.IO_ERROR, "not readable");
        }
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new AudioDecodeException(file, Reason.IO_ERROR, e.getMessage(), e);
        }
        if (size == 0) {
            throw new AudioDecodeException(file, Reason.EMPTY_FILE, "0 bytes");
        }
    }

    static AudioDecodeException openError(Path file, int ret) {
        if (ret == AVERROR_EXIT) {
            return new AudioDecodeException(file, Reason.IO_ERROR, "timed out while reading the header");
        }
        if (ret == AVERROR_INVALIDDATA || ret == AVERROR_DEMUXER_NOT_FOUND || ret == AVERROR_STREAM_NOT_FOUND) {
            return new AudioDecodeException(file, Reason.NOT_AUDIO, "not a recognised audio format (" + errorText(ret) + ")");
        }
        if (ret == AVERROR_EOF) {
            return new AudioDecodeException(file, Reason.TRUNCATED, "file ends inside its header");
        }
        return new AudioDecodeException(file, Reason.IO_ERROR, errorText(ret));
    }

    static String errorText(int ret) {
        byte[] buf = new byte[256];
        av_strerror(ret, buf, buf.length);
        int len = 0;
        while (len < buf.length && buf[len] != 0) {
            len++;
        }
        return new String(buf, 0, len, java.nio.charset.StandardCharsets.UTF_8);
    }

    static String formatName(AVFormatContext fmt) {
        return fmt.iformat() == null || fmt.iformat().isNull() ? "?" : fmt.iformat().name().getString();
    }

    boolean timedOut() {
        return System.nanoTime() - deadline.get() > 0;
    }

    int channels() {
        return par.ch_layout().nb_channels();
    }

    int sampleRate() {
        return par.sample_rate();
    }

    String containerName() {
        return formatName(fmt);
    }

    String codecName() {
        return avcodec_get_name(par.codec_id()).getString();
    }

    /** Duration in seconds from the header (stream, else container), or NaN when neither says. */
    double headerSeconds() {
        long d = stream.duration();
        if (d != AV_NOPTS_VALUE && d > 0) {
            return d * av_q2d(stream.time_base());
        }
        long fd = fmt.duration();
        if (fd != AV_NOPTS_VALUE && fd > 0) {
            return fd / (double) AV_TIME_BASE;
        }
        return Double.NaN;
    }

    /**
     * Frames the header promises, when it states them exactly (stream duration, not a bit-rate
     * guess), else -1. Used to tell a truncated file from a short one.
     */
    long declaredFrames() {
        long d = stream.duration();
        if (d == AV_NOPTS_VALUE || d <= 0 || fmt.duration_estimation_method() == AVFMT_DURATION_FROM_BITRATE) {
            return -1;
        }
        return av_rescale_q(d, stream.time_base(), av_make_q(1, sampleRate()));
    }

    @Override
    public void close() {
        avformat_close_input(fmt);
        deadline.close();
    }
}
