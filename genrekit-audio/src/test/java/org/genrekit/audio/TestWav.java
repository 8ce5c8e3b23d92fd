package org.genrekit.audio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes small test fixtures: PCM16 / float32 WAV, AU and AIFF, with headers we control. */
final class TestWav {
    private TestWav() {
    }

    /** RIFF/WAVE; {@code formatTag} 1 = PCM int16, 3 = IEEE float32. {@code declaredDataBytes} < 0: the real size. */
    static void wav(Path file, int formatTag, int channels, int sr, float[] interleaved, long declaredDataBytes) throws IOException {
        int bytesPerSample = formatTag == 3 ? 4 : 2;
        int dataBytes = interleaved.length * bytesPerSample;
        ByteBuffer b = ByteBuffer.allocate(44 + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        long declared = declaredDataBytes < 0 ? dataBytes : declaredDataBytes;
        b.put("RIFF".getBytes()).putInt((int) Math.min(0xFFFFFFFFL, 36 + declared)).put("WAVE".getBytes());
        b.put("fmt ".getBytes()).putInt(16).putShort((short) formatTag).putShort((short) channels).putInt(sr)
                .putInt(sr * Math.max(1, channels) * bytesPerSample).putShort((short) (Math.max(1, channels) * bytesPerSample))
                .putShort((short) (bytesPerSample * 8));
        b.put("data".getBytes()).putInt((int) declared);
        for (float v : interleaved) {
            if (formatTag == 3) {
                b.putFloat(v);
            } else {
                b.putShort(toInt16(v));
            }
        }
        Files.write(file, b.array());
    }

    /** Sun/NeXT .au, big-endian int16 (encoding 3). */
    static void au(Path file, int sr, float[] mono) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(24 + mono.length * 2).order(ByteOrder.BIG_ENDIAN);
        b.putInt(0x2e736e64).putInt(24).putInt(mono.length * 2).putInt(3).putInt(sr).putInt(1);
        for (float v : mono) {
            b.putShort(toInt16(v));
        }
        Files.write(file, b.array());
    }

    /** AIFF, big-endian int16, mono. */
    static void aiff(Path file, int sr, float[] mono) throws IOException {
        int data = mono.length * 2;
        ByteBuffer b = ByteBuffer.allocate(54 + data).order(ByteOrder.BIG_ENDIAN);
        b.put("FORM".getBytes()).putInt(46 + data).put("AIFF".getBytes());
        b.put("COMM".getBytes()).putInt(18).putShort((short) 1).putInt(mono.length).putShort((short) 16);
        b.put(extended80(sr));
        b.put("SSND".getBytes()).putInt(8 + data).putInt(0).putInt(0);
        for (float v : mono) {
            b.putShort(toInt16(v));
        }
        Files.write(file, b.array());
    }

    /** The float whose int16 is v*32768 exactly (the golden y holds int16/32768 values). */
    private static short toInt16(float v) {
        return (short) Math.max(-32768, Math.min(32767, Math.round(v * 32768.0)));
    }

    /** An integer sample rate as the 80-bit IEEE extended float AIFF wants. */
    private static byte[] extended80(int value) {
        int exp = 16383 + 31 - Integer.numberOfLeadingZeros(value);
        long mantissa = ((long) value) << (63 - (31 - Integer.numberOfLeadingZeros(value)));
        ByteBuffer b = ByteBuffer.allocate(10).order(ByteOrder.BIG_ENDIAN);
        b.putShort((short) exp).putLong(mantissa);
        return b.array();
    }
}
