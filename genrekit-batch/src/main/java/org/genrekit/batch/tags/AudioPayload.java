package org.genrekit.batch.tags;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.genrekit.core.hash.Sha256;

/**
 * The SHA-256 of a file's audio data, leaving out its tags: proof that tag writing did not touch
 * a single byte of the audio. What counts as audio:
 * <ul>
 *   <li>MP3: everything between the ID3v2 tag(s) at the start and an APEv2 / ID3v1 tag at the end;</li>
 *   <li>Ogg: the bytes of every packet after the codec's header packets (Vorbis: 3, Opus: 2),
 *       i.e. the audio packets, whatever pages they were rewritten into, and their granule positions;</li>
 *   <li>FLAC: the STREAMINFO block and every byte after the last metadata block (the frames);</li>
 *   <li>MP4: the contents of every {@code mdat} atom.</li>
 * </ul>
 */
public final class AudioPayload {
    private AudioPayload() {
    }

    /** Hex SHA-256 of the audio payload of {@code file}. */
    public static String sha256(Path file, TagFormat format) throws IOException {
        Sha256 md = Sha256.start();
        switch (format) {
            case MP3 -> mp3(file, md);
            case OGG -> ogg(file, md);
            case FLAC -> flac(file, md);
            case MP4 -> mp4(file, md);
        }
        return md.hex();
    }

    private static void mp3(Path file, Sha256 md) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            long start = 0;
            // consecutive ID3v2 tags (some files carry more than one)
            while (start + 10 <= size) {
                ByteBuffer h = read(ch, start, 10);
                if (h.get(0) != 'I' || h.get(1) != 'D' || h.get(2) != '3') break;
                int flags = h.get(5) & 0xff;
                long len = syncsafe(h, 6);
                start += 10 + len + ((flags & 0x10) != 0 ? 10 : 0);
            }
            long end = size;
            if (end - start >= 128) {
                ByteBuffer t = read(ch, end - 128, 3);
                if (t.get(0) == 'T' && t.get(1) == 'A' && t.get(2) == 'G') end -= 128;
            }
            if (end - start >= 32) {
                ByteBuffer a = read(ch, end - 32, 32).order(ByteOrder.LITTLE_ENDIAN);
                byte[] magic = new byte[8];
                a.get(0, magic);
                if ("APETAGEX".equals(new String(magic, StandardCharsets.US_ASCII))) {
                    long tagSize = a.getInt(12) & 0xffffffffL; // includes the footer, not the header
                    boolean hasHeader = (a.getInt(20) & 0x80000000) != 0;
                    end -= tagSize + (hasHeader ? 32 : 0);
                }
            }
            if (end < start) throw new IOException(file + ": tags overlap, no audio between them");
            digestRange(ch, start, end, md);
        }
    }

    private static long syncsafe(ByteBuffer b, int at) {
        return ((b.get(at) & 0x7fL) << 21) | ((b.get(at + 1) & 0x7fL) << 14) | ((b.get(at + 2) & 0x7fL) << 7) | (b.get(at + 3) & 0x7fL);
    }

    private static void flac(Path file, Sha256 md) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long pos = 0;
            ByteBuffer m = read(ch, 0, 4);
            if (m.get(0) == 'I' && m.get(1) == 'D' && m.get(2) == '3') {
                pos = 10 + syncsafe(read(ch, 0, 10), 6);
                m = read(ch, pos, 4);
            }
            if (m.get(0) != 'f' || m.get(1) != 'L' || m.get(2) != 'a' || m.get(3) != 'C') throw new IOException(file + ": not a FLAC file");
            pos += 4;
            boolean last = false;
            while (!last) {
                ByteBuffer h = read(ch, pos, 4);
                last = (h.get(0) & 0x80) != 0;
                int type = h.get(0) & 0x7f;
                int len = ((h.get(1) & 0xff) << 16) | ((h.get(2) & 0xff) << 8) | (h.get(3) & 0xff);
                if (type == 0) digestRange(ch, pos + 4, pos + 4 + len, md); // STREAMINFO: sample count, audio MD5
                pos += 4 + len;
                if (pos > ch.size()) throw new IOException(file + ": FLAC metadata runs past the end");
            }
            digestRange(ch, pos, ch.size(), md);
        }
    }

    private static void mp4(Path file, Sha256 md) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long pos = 0, size = ch.size();
            int mdats = 0;
            while (pos + 8 <= size) {
                ByteBuffer h = read(ch, pos, 8);
                long len = h.getInt(0) & 0xffffffffL;
                String type = new String(new byte[] {h.get(4), h.get(5), h.get(6), h.get(7)}, StandardCharsets.ISO_8859_1);
                int header = 8;
                if (len == 1) {
                    len = read(ch, pos + 8, 8).getLong(0);
                    header = 16;
                } else if (len == 0) {
                    len = size - pos;
                }
                if (len < header || pos + len > size) throw new IOException(file + ": damaged MP4 atom '" + type + "' at " + pos);
                if (type.equals("mdat")) {
                    digestRange(ch, pos + header, pos + len, md);
                    mdats++;
                }
                pos += len;
            }
            if (mdats == 0) throw new IOException(file + ": MP4 without an mdat atom");
        }
    }

    private static void ogg(Path file, Sha256 md) throws IOException {
        try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            java.io.ByteArrayOutputStream packet = new java.io.ByteArrayOutputStream();
            int packetIndex = 0;
            int headerPackets = -1;
            byte[] hdr = new byte[27];
            ByteBuffer granule = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            while (true) {
                int n = in.readNBytes(hdr, 0, 27);
                if (n == 0) break;
                if (n < 27 || hdr[0] != 'O' || hdr[1] != 'g' || hdr[2] != 'g' || hdr[3] != 'S') {
                    throw new IOException(file + ": damaged Ogg page");
                }
                int segments = hdr[26] & 0xff;
                byte[] lacing = in.readNBytes(segments);
                if (lacing.length < segments) throw new IOException(file + ": truncated Ogg page");
                for (int s = 0; s < segments; s++) {
                    int len = lacing[s] & 0xff;
                    byte[] data = in.readNBytes(len);
                    if (data.length < len) throw new IOException(file + ": truncated Ogg page");
                    packet.write(data);
                    if (len < 255) { // end of packet
                        byte[] p = packet.toByteArray();
                        packet.reset();
                        if (packetIndex == 0) headerPackets = headerPacketCount(file, p);
                        if (packetIndex >= headerPackets) md.update(p);
                        packetIndex++;
                    }
                }
                if (packetIndex > headerPackets && headerPackets >= 0) {
                    // audio pages keep their granule positions (timing) whatever the comment size
                    granule.clear();
                    granule.put(hdr, 6, 8);
                    md.update(granule.array());
                }
            }
            if (headerPackets < 0) throw new IOException(file + ": empty Ogg file");
        }
    }

    private static int headerPacketCount(Path file, byte[] first) throws IOException {
        if (first.length >= 7 && first[0] == 1 && new String(first, 1, 6, StandardCharsets.US_ASCII).equals("vorbis")) return 3;
        if (first.length >= 8 && new String(first, 0, 8, StandardCharsets.US_ASCII).equals("OpusHead")) return 2;
        throw new IOException(file + ": Ogg stream is neither Vorbis nor Opus");
    }

    private static ByteBuffer read(FileChannel ch, long pos, int n) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(n);
        while (b.hasRemaining()) {
            if (ch.read(b, pos + b.position()) < 0) throw new IOException("unexpected end of file at " + (pos + b.position()));
        }
        return b.flip();
    }

    private static void digestRange(FileChannel ch, long start, long end, Sha256 md) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(1 << 16);
        long pos = start;
        while (pos < end) {
            b.clear();
            b.limit((int) Math.min(b.capacity(), end - pos));
            int n = ch.read(b, pos);
            if (n < 0) throw new IOException("unexpected end of file at " + pos);
            b.flip();
            md.update(b);
            pos += n;
        }
    }
}
