package org.genrekit.serve;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Counts what is read and fails with 413 as soon as more than {@code limit} bytes arrive, so that
 * a body without (or lying about its) Content-Length is never stored beyond the limit.
 */
final class LimitedInputStream extends FilterInputStream {
    private final long limit;
    private final String what;
    private long count;

    LimitedInputStream(InputStream in, long limit, String what) {
        super(in);
        this.limit = limit;
        this.what = what;
    }

    long count() {
        return count;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) add(1);
        return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
        int n = super.read(buf, off, len);
        if (n > 0) add(n);
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long s = super.skip(n);
        if (s > 0) add(s);
        return s;
    }

    private void add(long n) {
        count += n;
        if (count > limit) {
            throw new ApiException(413, "too_large", what + " is larger than the limit of " + Limits.bytes(limit));
        }
    }
}
