package org.genrekit.audio.ffmpeg;

import static org.bytedeco.ffmpeg.global.avformat.AVPROBE_PADDING_SIZE;
import static org.bytedeco.ffmpeg.global.avformat.av_demuxer_iterate;
import static org.bytedeco.ffmpeg.global.avformat.av_probe_input_format3;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.bytedeco.ffmpeg.avformat.AVInputFormat;
import org.bytedeco.ffmpeg.avformat.AVProbeData;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * Which FFmpeg demuxers may read a file. A file is decoded as itself: demuxers that read a list of
 * other files or URLs (HLS and DASH playlists, concat/ffconcat scripts, IMF compositions, image
 * sequences, SDP/RTSP/RTP session descriptions) are refused, because they would open files the
 * caller never named, bypass the regular-file check and block for ever on a FIFO.
 * {@link #WHITELIST} is every other demuxer, given to FFmpeg as {@code format_whitelist}: FFmpeg
 * checks it after probing and before the demuxer reads its header (or opens anything).
 */
final class Demuxers {
    /** Demuxers that open other files or URLs. */
    static final Set<String> REFUSED = Set.of("hls", "dash", "concat", "imf", "image2", "sdp", "rtsp", "rtp",
            "webm_dash_manifest");

    /** Comma-separated names of every registered demuxer but the refused ones. */
    static final String WHITELIST = whitelist();

    private static final int PROBE_BYTES = 1 << 16;

    private Demuxers() {
    }

    private static String whitelist() {
        List<String> names = new ArrayList<>();
        try (PointerPointer<Pointer> state = new PointerPointer<>(1)) {
            state.put(0, (Pointer) null);
            for (AVInputFormat f; (f = av_demuxer_iterate(state)) != null && !f.isNull(); ) {
                for (String n : f.name().getString().split(",")) if (!REFUSED.contains(n)) names.add(n);
            }
        }
        return String.join(",", names);
    }

    /**
     * The refused demuxer FFmpeg's probe picks for {@code file}'s first bytes, or null (not refused,
     * or unreadable): names the reason when FFmpeg says no.
     */
    static String refusedFormat(Path file) {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(PROBE_BYTES);
        } catch (IOException e) {
            return null;
        }
        try (BytePointer buf = new BytePointer(head.length + AVPROBE_PADDING_SIZE);
             BytePointer name = new BytePointer(file.getFileName().toString(), StandardCharsets.UTF_8);
             AVProbeData pd = new AVProbeData()) {
            buf.put(head, 0, head.length);
            for (int i = 0; i < AVPROBE_PADDING_SIZE; i++) buf.put(head.length + i, (byte) 0);
            pd.filename(name).buf(buf).buf_size(head.length).mime_type(null);
            AVInputFormat f = av_probe_input_format3(pd, 1, new int[1]);
            if (f == null || f.isNull()) return null;
            for (String n : f.name().getString().split(",")) if (REFUSED.contains(n)) return n;
            return null;
        }
    }
}
