package fr.preuve.indexer.source.pubmed;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamException;

/** Opening XML files, plain or gzip (detected by the magic bytes, not the name), and wording their failures. */
public final class XmlFiles {

    private XmlFiles() {
    }

    /**
     * Opens the file, decompressing on the fly when it starts with the gzip magic bytes {@code 1f 8b}. The stream
     * remembers the first read error ({@link Tracked#failure()}): StAX parsers may turn it into a vague "premature end of
     * file".
     */
    public static Tracked open(Path file) throws IOException {
        return new Tracked(openRaw(file));
    }

    /** An input stream that remembers the first {@link IOException} its reads threw. */
    public static final class Tracked extends java.io.FilterInputStream {
        private IOException failure;

        Tracked(InputStream in) {
            super(in);
        }

        public IOException failure() {
            return failure;
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            } catch (IOException e) {
                failure = failure == null ? e : failure;
                throw e;
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                return super.read(b, off, len);
            } catch (IOException e) {
                failure = failure == null ? e : failure;
                throw e;
            }
        }
    }

    /** The reason for a failure, preferring the stream's own read error when there was one. */
    public static String reason(Throwable e, Tracked in) {
        return in != null && in.failure() != null ? reason(in.failure()) : reason(e);
    }

    private static InputStream openRaw(Path file) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        in.mark(2);
        int b0 = in.read();
        int b1 = in.read();
        in.reset();
        if (b0 == 0x1f && b1 == 0x8b) {
            return new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16);
        }
        return in;
    }

    /** A reason for a read failure, in words a librarian understands. */
    public static String reason(Throwable e) {
        Throwable io = e;
        while (io != null && !(io instanceof IOException)) {
            io = io instanceof XMLStreamException x && x.getNestedException() != null ? x.getNestedException() : io.getCause();
        }
        if (io instanceof EOFException || io instanceof ZipException) {
            return "truncated or corrupt gzip file: " + io.getMessage();
        }
        if (io != null) {
            return "cannot read file: " + io;
        }
        String m = e.getMessage() == null ? e.toString() : e.getMessage();
        // StAX prefixes messages with "ParseError at [row,col]:[l,c]\nMessage: "
        int i = m.indexOf("Message: ");
        String detail = (i >= 0 ? m.substring(i + 9) : m).strip();
        if (detail.contains("was referenced, but not declared") || detail.contains("undeclared entity")) {
            return "entity reference refused (entities declared in a DTD are never expanded): " + detail;
        }
        return "malformed XML: " + detail;
    }

    /** {@code " line N"} for a stream exception with a location, else empty. */
    public static String line(XMLStreamException e) {
        Location l = e.getLocation();
        return l == null || l.getLineNumber() < 0 ? "" : " line " + l.getLineNumber();
    }

    /** Where in the file reading stopped, for failure locations: {@code " (after #123, article 4)"}. */
    public static String after(String lastId, int articles) {
        return lastId == null ? " (before any article)" : " (after #" + lastId + ", article " + articles + ")";
    }

    /** Closes a stream reader after an error without hiding that error. */
    public static void closeQuietly(javax.xml.stream.XMLStreamReader r) {
        if (r != null) {
            try {
                r.close();
            } catch (javax.xml.stream.XMLStreamException ignored) {
                // the error being reported matters more
            }
        }
    }
}
