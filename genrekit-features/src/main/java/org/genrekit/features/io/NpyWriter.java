package org.genrekit.features.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.genrekit.core.io.AtomicFiles;

/**
 * Writes a float32 {@code .npy} file value by value, for arrays too large to hold: the shape is
 * given up front, values are streamed to a temporary file beside the target, and {@link #close()}
 * renames it once exactly that many values were written ({@link #abort()} deletes it). With
 * {@code fortranOrder} a {@code [rows][frames]} matrix is written frame by frame (each frame's rows
 * together), which numpy reads as the same matrix.
 */
public final class NpyWriter implements AutoCloseable {
    private final Path file;
    private final Path tmp;
    private final OutputStream out;
    private final long expected;
    private final ByteBuffer buf = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
    private long written;
    private boolean done;

    private NpyWriter(Path file, long[] shape, boolean fortranOrder) throws IOException {
        this.file = file;
        long n = 1;
        for (long d : shape) n *= d;
        this.expected = n;
        this.tmp = AtomicFiles.tempBeside(file);
        this.out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16);
        out.write(Npy.header("<f4", fortranOrder, shape));
    }

    /** A float32 array of {@code shape}; {@code fortranOrder} for matrices written column (frame) by column. */
    public static NpyWriter float32(Path file, long[] shape, boolean fortranOrder) throws IOException {
        return new NpyWriter(file, shape, fortranOrder);
    }

    public void write(float[] v, int off, int len) throws IOException {
        if (written + len > expected) throw new IllegalStateException(file + ": more than the " + expected + " values of its shape");
        for (int i = off; i < off + len; i++) {
            if (!buf.hasRemaining()) drain();
            buf.putFloat(v[i]);
        }
        written += len;
    }

    public void write(double[] v, int off, int len) throws IOException {
        if (written + len > expected) throw new IllegalStateException(file + ": more than the " + expected + " values of its shape");
        for (int i = off; i < off + len; i++) {
            if (!buf.hasRemaining()) drain();
            buf.putFloat((float) v[i]);
        }
        written += len;
    }

    private void drain() throws IOException {
        out.write(buf.array(), 0, buf.position());
        buf.clear();
    }

    /** Finishes the file under its name; fails (and deletes it) unless every value of the shape was written. */
    @Override
    public void close() throws IOException {
        if (done) return;
        done = true;
        try {
            drain();
            out.close();
            if (written != expected) throw new IllegalStateException(file + ": " + written + " values written, its shape holds " + expected);
            AtomicFiles.commit(tmp, file);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Gives the file up: nothing is left under its name or the temporary one. */
    public void abort() {
        done = true;
        try {
            out.close();
        } catch (IOException ignored) {
            // deleting it is all that matters
        }
        try {
            Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
            // a leftover temporary file is hidden (dot name)
        }
    }
}
