package org.genrekit.audio.ffmpeg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.genrekit.audio.AudioDecodeException;
import org.genrekit.audio.AudioDecodeException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FfmpegInputTest {
    private static Path goldenMp3() {
        String shared = System.getProperty("genrekit.shared");
        Path p = shared == null ? null : Path.of(shared, "golden/audio/g_music.mp3");
        assumeTrue(p != null && Files.isRegularFile(p), "skipped: ../shared golden audio not found");
        return p;
    }

    @Test
    void interruptCallbackStopsFfmpegAtTheDeadline(@TempDir Path dir) throws Exception {
        // A 1 s 16-bit mono WAV of silence.
        ByteBuffer b = ByteBuffer.allocate(44 + 44100).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(36 + 44100).put("WAVEfmt ".getBytes()).putInt(16).putShort((short) 1)
                .putShort((short) 1).putInt(22050).putInt(44100).putShort((short) 2).putShort((short) 16)
                .put("data".getBytes()).putInt(44100);
        Path wav = Files.write(dir.resolve("silence.wav"), b.array());
        // A deadline already passed: FFmpeg's I/O must be interrupted (AVERROR_EXIT), not run on.
        AudioDecodeException e = assertThrows(AudioDecodeException.class, () -> FfmpegInput.open(wav, 0).close());
        assertEquals(Reason.IO_ERROR, e.reason());
        assertTrue(e.getMessage().contains("timed out"), e.getMessage());
    }

    @Test
    void generousDeadlineOpens() throws Exception {
        try (FfmpegInput in = FfmpegInput.open(goldenMp3(), 60_000_000_000L)) {
            assertEquals(44100, in.sampleRate());
            assertEquals(2, in.channels());
            assertEquals(1323000, in.declaredFrames());
        }
    }
}
