package org.genrekit.serve;

import static org.genrekit.serve.GenreServerTest.assertError;
import static org.genrekit.serve.GenreServerTest.json;
import static org.genrekit.serve.TestServers.*;
import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real uploads through the project's FFmpeg decoder: good and damaged files of the kinds people send. */
class FfmpegUploadsTest {
    @TempDir
    Path temp;
    GenreServer server;
    Path shared;

    @BeforeEach
    void start() {
        String p = System.getProperty("genrekit.shared");
        shared = p == null ? null : Path.of(p);
        assumeTrue(shared != null && Files.isDirectory(shared.resolve("data/gtzan-3genres")),
                "shared data not found (system property genrekit.shared): skipping real-decoder upload tests");
        server = new GenreServer(config(temp), List.of(new StatsClassifier("stats", 0)), AudioDecoder.ffmpeg(), new TestRenderer()).start();
    }

    @AfterEach
    void stop() {
        if (server != null) server.close();
    }

    Path mp3() {
        return shared.resolve("data/gtzan-3genres/rock/rock.00000.mp3");
    }

    @Test
    void aHeaderThatLiesAboutTheLengthIsA422EvenWithAHugeWindow() throws Exception {
        server.close();
        server = new GenreServer(config(temp).withMaxSeconds(100000), List.of(new StatsClassifier("stats", 0)), AudioDecoder.ffmpeg(), null).start();
        byte[] b = Files.readAllBytes(mp3());
        int xing = -1;
        for (int i = 0; i + 4 <= b.length && xing < 0; i++) {
            if (b[i] == 'X' && b[i + 1] == 'i' && b[i + 2] == 'n' && b[i + 3] == 'g') xing = i;
        }
        assertTrue(xing > 0, "the fixture has a Xing tag");
        ByteBuffer.wrap(b, xing + 8, 4).putInt(0x7fffffff); // frame count: 2^31 - 1
        // Before the fix the first buffer was sized from the header (2^31 floats): 500.
        HttpResponse<String> r = postRaw(server, GenreServer.CLASSIFY, b);
        assertError(r, 422, "truncated");
        assertTrue(json(r).path("detail").asText().startsWith("truncated: header promises "), r.body());
        assertEquals(200, postRaw(server, GenreServer.CLASSIFY, Files.readAllBytes(mp3())).statusCode());
        assertEquals(List.of(), files(temp));
    }

    @Test
    void realMp3IsDecodedAtTheModelsRate() throws Exception {
        HttpResponse<String> r = postMultipart(server, GenreServer.CLASSIFY + "?windows=true&window=1", multipart("file", Files.readAllBytes(mp3())));
        assertEquals(200, r.statusCode(), r.body());
        JsonNode j = json(r);
        assertEquals(22050, j.path("audio").path("sample_rate").asInt());
        assertEquals(30.0, j.path("windows").path("analysed_s").asDouble(), 0.1);
        assertTrue(j.path("timings").path("decode_ms").asDouble() > 0);
        assertEquals(30, j.path("windows").path("items").size(), "one window per second asked for");
        assertEquals(List.of(), files(temp));
    }

    @Test
    void damagedAndForeignFilesAre4xx() throws Exception {
        byte[] all = Files.readAllBytes(mp3());
        assertError(postRaw(server, GenreServer.CLASSIFY, Arrays.copyOf(all, all.length * 2 / 5)), 422, "truncated");
        assertError(postRaw(server, GenreServer.CLASSIFY, "not a song\n".repeat(300).getBytes()), 415, "not_audio");
        var png = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB), "png", png);
        assertError(postRaw(server, GenreServer.CLASSIFY, png.toByteArray()), 415, "no_audio_stream");
        assertError(postRaw(server, GenreServer.CLASSIFY, wavWithFormatTag(0x7777)), 415, "unsupported_codec");
        assertEquals(List.of(), files(temp), "uploads of bad requests not removed");
        assertFalse(get(server, "/metrics").body().contains("code=\"500\""));
    }

    @Test
    void playlistsAndConcatScriptsAre415AndNameNoServerPath() throws Exception {
        // Before: an ffconcat script was demuxed, its "file" lines were looked up beside the upload,
        // and the 500's detail showed the server's temporary path.
        String[] bodies = {"ffconcat version 1.0\nfile song.wav\nfile /etc/passwd\n",
            "#EXTM3U\n#EXT-X-TARGETDURATION:10\n#EXT-X-MEDIA-SEQUENCE:0\n#EXTINF:1.0,\n/dev/zero\n#EXT-X-ENDLIST\n"};
        for (String body : bodies) {
            HttpResponse<String> r = postMultipart(server, GenreServer.CLASSIFY, multipart("file", body.getBytes()));
            assertError(r, 415, "not_audio");
            // (The playlist, uploaded without an .m3u8 name, is not even probed as HLS: refused all the same.)
            if (body.startsWith("ffconcat")) assertTrue(json(r).path("detail").asText().contains("only plain audio files are read"), r.body());
            assertFalse(r.body().contains(temp.toString()) || r.body().contains("genrekit-upload"), r.body());
        }
        assertEquals(List.of(), files(temp));
        assertFalse(get(server, "/metrics").body().contains("code=\"500\""));
    }

    @Test
    void offsetPastTheEndIsUnprocessable() throws Exception {
        server.close();
        server = new GenreServer(config(temp).withOffsetSeconds(60), List.of(new StatsClassifier("stats", 0)), AudioDecoder.ffmpeg(), null).start();
        HttpResponse<String> r = postRaw(server, GenreServer.CLASSIFY, Files.readAllBytes(mp3()));
        assertError(r, 422, "too_short");
        assertEquals(List.of(), files(temp));
    }

    /** A mono 8 kHz RIFF/WAVE file whose fmt chunk names a codec nobody implements. */
    static byte[] wavWithFormatTag(int tag) {
        int dataBytes = 16000;
        ByteBuffer b = ByteBuffer.allocate(44 + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(36 + dataBytes).put("WAVE".getBytes());
        b.put("fmt ".getBytes()).putInt(16).putShort((short) tag).putShort((short) 1).putInt(8000).putInt(16000)
                .putShort((short) 2).putShort((short) 16);
        b.put("data".getBytes()).putInt(dataBytes);
        for (int i = 0; i < dataBytes; i++) b.put((byte) (i * 31));
        return b.array();
    }
}
