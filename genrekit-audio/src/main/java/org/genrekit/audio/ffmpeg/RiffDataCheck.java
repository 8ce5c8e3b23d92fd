package org.genrekit.audio.ffmpeg;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The byte count a RIFF/WAVE file's {@code data} chunk declares. FFmpeg clamps it silently to the file
 * size, so a WAV cut short would otherwise load as a shorter, valid-looking signal.
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
            long fileSize = ch.size();
            ByteBuffer b = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
            if (read(ch, b, 0) < 12 || b.getInt(0) != 0x46464952 /* RIFF */ || b.getInt(8) != 0x45564157 /* WAVE */) {
                return -1;
            }
            long pos = 12;
            ByteBuffer chunk = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            // Walk the chunk list to "data"; bounded so that a malformed file cannot loop for long.
            for (int i = 0; i < 1024 && pos + 8 <= fileSize; i++) {
                chunk.clear();
                if (read(ch, chunk, pos) < 8) {
                    return 0;
                }
                long size = Integer.toUnsignedLong(chunk.getInt(4));
                if (chunk.getInt(0) == 0x61746164 /* data */) {
                    if (size == 0 || size == 0xFFFFFFFFL) {
                        return 0;
                    }
                    return Math.max(0, pos + 8 + size - fileSize);
                }
                pos += 8 + size + (size & 1);
            }
            return 0;
        }
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
