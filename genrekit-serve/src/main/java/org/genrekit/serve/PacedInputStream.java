package org.genrekit.serve;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/**
 * An upload body that must keep arriving: 408 {@code upload_too_slow} once it has taken longer
 * than the deadline, or, after the grace period, when its average rate is below the minimum.
 * Checked at every read; a client that sends nothing at all is ended by the connection's idle timeout.
 */
final class PacedInputStream extends FilterInputStream {
    private final UploadLimits limits;
    private final long start = System.nanoTime();
    private long count;

    PacedInputStream(InputStream in, UploadLimits limits) {
        super(in);
        this.limits = limits;
    }

    @Override
    public int read() throws IOException {
        check();
        int b = super.read();
        if (b >= 0) count++;
        check();
        return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
        check();
        int n = super.read(buf, off, len);
        if (n > 0) count += n;
        if (n >= 0) check();
        return n;
    }

    private void check() {
        long elapsed = System.nanoTime() - start;
        if (elapsed > limits.deadline().toNanos()) {
            throw new ApiException(408, "upload_too_slow", String.format(Locale.ROOT,
                    "the upload was still arriving after the limit of %d s (%d bytes received)", limits.deadline().toSeconds(), count));
        }
        if (elapsed > limits.grace().toNanos()) {
            double rate = count / (elapsed / 1e9);
            if (rate < limits.minBytesPerSecond()) {
                throw new ApiException(408, "upload_too_slow", String.format(Locale.ROOT,
                        "the upload arrived at %.0f bytes/s, below the minimum of %d bytes/s", rate, limits.minBytesPerSecond()));
            }
        }
    }
}
