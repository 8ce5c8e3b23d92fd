package org.genrekit.audio;

import static org.bytedeco.ffmpeg.global.avcodec.*;
import static org.bytedeco.ffmpeg.global.avformat.*;
import static org.bytedeco.ffmpeg.global.avutil.*;

import java.io.IOException;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIOContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.ShortPointer;

/** Writes mono test fixtures with FFmpeg's own encoders (flac, aac in m4a, vorbis in ogg); tests only. */
final class TestEncoder {
    private TestEncoder() {
    }

    /**
     * Encodes {@code x} ([-1, 1]) with {@code encoder} into {@code file}, the same signal in each of
     * {@code channels} channels (FFmpeg's vorbis encoder wants 2); the container follows the extension.
     */
    static void encode(Path file, String encoder, float[] x, int sr, int channels) throws IOException {
        AVCodec codec = avcodec_find_encoder_by_name(encoder);
        if (codec == null || codec.isNull()) {
            throw new IOException("encoder " + encoder + " not in this FFmpeg build");
        }
        AVFormatContext fmt = new AVFormatContext(null);
        check(avformat_alloc_output_context2(fmt, null, null, file.toString()), "alloc output");
        AVCodecContext ctx = avcodec_alloc_context3(codec);
        AVFrame frame = av_frame_alloc();
        AVPacket pkt = av_packet_alloc();
        try {
            boolean s16 = encoder.equals("flac");
            ctx.sample_fmt(s16 ? AV_SAMPLE_FMT_S16 : AV_SAMPLE_FMT_FLTP);
            ctx.sample_rate(sr);
            av_channel_layout_default(ctx.ch_layout(), channels);
            ctx.bit_rate(192_000);
            ctx.time_base(av_make_q(1, sr));
            ctx.strict_std_compliance(FF_COMPLIANCE_EXPERIMENTAL); // the native vorbis encoder is "experimental"
            if ((fmt.oformat().flags() & AVFMT_GLOBALHEADER) != 0) {
                ctx.flags(ctx.flags() | AV_CODEC_FLAG_GLOBAL_HEADER);
            }
            check(avcodec_open2(ctx, codec, (AVDictionary) null), "open encoder");
            AVStream st = avformat_new_stream(fmt, null);
            check(avcodec_parameters_from_context(st.codecpar(), ctx), "parameters");
            st.time_base(ctx.time_base());
            AVIOContext pb = new AVIOContext(null);
            check(avio_open(pb, file.toString(), AVIO_FLAG_WRITE), "open file");
            fmt.pb(pb);
            check(avformat_write_header(fmt, (AVDictionary) null), "header");
            int frameSize = ctx.frame_size() > 0 ? ctx.frame_size() : 4096;
            for (int pos = 0; pos < x.length; pos += frameSize) {
                int n = Math.min(frameSize, x.length - pos);
                frame.nb_samples(n);
                frame.format(ctx.sample_fmt());
                frame.sample_rate(sr);
                av_channel_layout_copy(frame.ch_layout(), ctx.ch_layout());
                check(av_frame_get_buffer(frame, 0), "frame buffer");
                if (s16) {
                    short[] s = new short[n];
                    for (int i = 0; i < n; i++) {
                        s[i] = (short) Math.max(-32768, Math.min(32767, Math.round(x[pos + i] * 32768.0)));
                    }
                    short[] packed = new short[n * channels];
                    for (int i = 0; i < packed.length; i++) {
                        packed[i] = s[i / channels];
                    }
                    new ShortPointer(frame.data(0)).put(packed, 0, packed.length);
                } else {
                    for (int c = 0; c < channels; c++) {
                        new FloatPointer(frame.data(c)).put(x, pos, n);
                    }
                }
                frame.pts(pos);
                send(fmt, ctx, frame, pkt, st);
                av_frame_unref(frame);
            }
            send(fmt, ctx, null, pkt, st);
            check(av_write_trailer(fmt), "trailer");
        } finally {
            av_packet_free(pkt);
            av_frame_free(frame);
            avcodec_free_context(ctx);
            if (fmt.pb() != null && !fmt.pb().isNull()) {
                avio_closep(fmt.pb());
            }
            avformat_free_context(fmt);
        }
    }

    private static void send(AVFormatContext fmt, AVCodecContext ctx, AVFrame frame, AVPacket pkt, AVStream st) throws IOException {
        check(avcodec_send_frame(ctx, frame), "send frame");
        while (avcodec_receive_packet(ctx, pkt) >= 0) {
            av_packet_rescale_ts(pkt, ctx.time_base(), st.time_base());
            pkt.stream_index(st.index());
            check(av_interleaved_write_frame(fmt, pkt), "write packet");
        }
    }

    private static void check(int ret, String what) throws IOException {
        if (ret < 0) {
            byte[] b = new byte[256];
            av_strerror(ret, b, b.length);
            throw new IOException(what + ": " + new String(b).trim());
        }
    }
}
