package fr.preuve.indexer.source;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/** An input stream that fails with {@link TooLarge} as soon as more than its cap of bytes is read from it. */
public final class CappedInputStream extends FilterInputStream {

    /** The read that would pass the cap; its message says which cap and why it exists. */
    public static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        TooLarge(String message) {
            super(message);
        }
    }

    private final long cap;
    private final String overCap;
    private long count;

    /**
     * @param cap     most bytes that may be read
     * @param overCap the failure's message
     */
    public CappedInputStream(InputStream in, long cap, String overCap) {
        super(in);
        if (cap < 0) {
            throw new IllegalArgumentException("cap must be >= 0, got " + cap);
        }
        this.cap = cap;
        this.overCap = overCap;
    }

    /**
     * The decompressed content of a gzip stream of {@code compressedSize} bytes, cut with a clear failure past
     * {@link InputLimits#gzipAllowance} (a decompression bomb expands a few kilobytes to gigabytes).
     */
    public static InputStream gunzip(InputStream compressed, long compressedSize, InputLimits limits) throws IOException {
        long allowance = limits.gzipAllowance(compressedSize);
        return new CappedInputStream(new GZIPInputStream(compressed, 1 << 16), allowance, "gzip file expands past "
                + InputLimits.human(allowance) + " (" + limits.gzipMaxRatio() + " times its " + InputLimits.human(compressedSize)
                + ", at least " + InputLimits.human(limits.gzipMinAllowance()) + " allowed): reading stopped, a decompression"
                + " bomb is likely");
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            counted(1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, (int) Math.min(len, cap - count + 1));
        if (n > 0) {
            counted(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(Math.min(n, cap - count + 1));
        counted(skipped);
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void counted(long n) throws TooLarge {
        count += n;
        if (count > cap) {
            throw new TooLarge(overCap);
        }
    }
}
