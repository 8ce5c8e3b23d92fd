package org.genrekit.data.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.CodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.xerial.snappy.Snappy;

/**
 * Snappy (Parquet's raw-block Snappy) and no compression, done with snappy-java directly instead
 * of through Hadoop's CodecPool, whose shaded Guava prints JDK warnings on every run and which
 * we do not need for local files. Other codecs (files written by other tools) go to Parquet's
 * own factory.
 */
final class SnappyCodecs implements CompressionCodecFactory {
    static final SnappyCodecs INSTANCE = new SnappyCodecs();

    private CompressionCodecFactory fallback;

    private SnappyCodecs() {
    }

    private synchronized CompressionCodecFactory fallback() {
        if (fallback == null) fallback = CodecFactory.createDirectCodecFactory(new org.apache.hadoop.conf.Configuration(false),
                org.apache.parquet.bytes.HeapByteBufferAllocator.getInstance(), 1 << 20);
        return fallback;
    }

    @Override
    public BytesInputCompressor getCompressor(CompressionCodecName codec) {
        return switch (codec) {
            case SNAPPY -> new BytesInputCompressor() {
                @Override
                public BytesInput compress(BytesInput bytes) throws IOException {
                    return BytesInput.from(Snappy.compress(bytes.toByteArray()));
                }

                @Override
                public CompressionCodecName getCodecName() {
                    return CompressionCodecName.SNAPPY;
                }

                @Override
                public void release() {
                }
            };
            case UNCOMPRESSED -> new BytesInputCompressor() {
                @Override
                public BytesInput compress(BytesInput bytes) {
                    return bytes;
                }

                @Override
                public CompressionCodecName getCodecName() {
                    return CompressionCodecName.UNCOMPRESSED;
                }

                @Override
                public void release() {
                }
            };
            default -> fallback().getCompressor(codec);
        };
    }

    @Override
    public BytesInputDecompressor getDecompressor(CompressionCodecName codec) {
        return switch (codec) {
            case SNAPPY -> new BytesInputDecompressor() {
                @Override
                public BytesInput decompress(BytesInput bytes, int uncompressedSize) throws IOException {
                    byte[] out = new byte[uncompressedSize];
                    byte[] in = bytes.toByteArray();
                    int n = Snappy.uncompress(in, 0, in.length, out, 0);
                    if (n != uncompressedSize) throw new IOException("snappy page: " + n + " bytes, expected " + uncompressedSize);
                    return BytesInput.from(out);
                }

                @Override
                public void decompress(ByteBuffer input, int compressedSize, ByteBuffer output, int uncompressedSize) throws IOException {
                    byte[] in = new byte[compressedSize];
                    input.get(in);
                    byte[] out = new byte[uncompressedSize];
                    int n = Snappy.uncompress(in, 0, compressedSize, out, 0);
                    if (n != uncompressedSize) throw new IOException("snappy page: " + n + " bytes, expected " + uncompressedSize);
                    output.put(out);
                }

                @Override
                public void release() {
                }
            };
            case UNCOMPRESSED -> new BytesInputDecompressor() {
                @Override
                public BytesInput decompress(BytesInput bytes, int uncompressedSize) {
                    return bytes;
                }

                @Override
                public void decompress(ByteBuffer input, int compressedSize, ByteBuffer output, int uncompressedSize) {
                    ByteBuffer slice = input.slice();
                    slice.limit(compressedSize);
                    output.put(slice);
                }

                @Override
                public void release() {
                }
            };
            default -> fallback().getDecompressor(codec);
        };
    }

    @Override
    public void release() {
    }
}
