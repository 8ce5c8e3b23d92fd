package org.genrekit.audio.ffmpeg;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * What a RIFF/WAVE header declares, read directly: the byte count of the {@code data} chunk (FFmpeg
 * clamps it silently to the file size, so a WAV cut short would otherwise load as a shorter,
 * valid-looking signal) and the channel count of the {@code fmt } chunk (FFmpeg reports 0 for
 * counts it refuses, so the error could not say what the file claims).
 */
final class RiffDataCheck {
    private RiffDataCheck() {
    }

    /**
     * @return how many bytes are missing from the data chunk (0 when complete, or when the size is
     *         unknown: streaming writers put 0 or 0xFFFFFFFF there), or -1 when not a plain RIFF/WAVE file
     */
    static long missingBytes(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long pos = chunk(ch, 0x61746164 /* data */);
            if (pos < 0) {
                return pos == NOT_RIFF ? -1 : 0;
            }
            long size = Integer.toUnsignedLong(header(ch, pos).getInt(4));
            if (size == 0 || size == 0xFFFFFFFFL) {
                return 0;
            }
            return Math.max(0, pos + 8 + size - ch.size());
        }
    }

    /** The channel count the {@code fmt } chunk declares (0 .. 65535), or -1 when not a RIFF/WAVE file with one. */
    static int declaredChannels(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long pos = chunk(ch, 0x20746d66 /* "fmt " */);
            if (pos < 0) {
                return -1;
            }
            ByteBuffer b = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
            return read(ch, b, pos + 8) < 4 ? -1 : Short.toUnsignedInt(b.getShort(2));
        }
    }

    private static final long NOT_RIFF = -2;

    /** Offset of the first chunk with this id, -1 when there is none, {@link #NOT_RIFF} when not RIFF/WAVE. */
    private static long chunk(FileChannel ch, int id) throws IOException {
        long fileSize = ch.size();
        ByteBuffer b = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
        if (read(ch, b, 0) < 12 || b.getInt(0) != 0x46464952 /* RIFF */ || b.getInt(8) != 0x45564157 /* WAVE */) {
            return NOT_RIFF;
        }
        long pos = 12;
        // Walk the chunk list; bounded so that a malformed file cannot loop for long.
        for (int i = 0; i < 1024 && pos + 8 <= fileSize; i++) {
            ByteBuffer chunk = header(ch, pos);
            if (chunk == null) {
                return -1;
            }
            if (chunk.getInt(0) == id) {
                return pos;
            }
            long size = Integer.toUnsignedLong(chunk.getInt(4));
            pos += 8 + size + (size & 1);
        }
        return -1;
    }

    private static ByteBuffer header(FileChannel ch, long pos) throws IOException {
        ByteBuffer chunk = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        return read(ch, chunk, pos) < 8 ? null : chunk;
    }

    private static int read(FileChannel ch, ByteBuffer b, long pos) throws IOException {
        int total = 0;
        while (b.hasRemaining()) {
            int n = ch.read(b, pos + total);
            if (n < 0) {
                break;
            }
            total += n;
        }
        return total;
    }
}
