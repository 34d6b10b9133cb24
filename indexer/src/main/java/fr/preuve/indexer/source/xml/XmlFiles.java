package fr.preuve.indexer.source.xml;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipException;
import fr.preuve.indexer.source.CappedInputStream;
import fr.preuve.indexer.source.InputLimits;
import fr.preuve.indexer.source.ReadOutcome;
import java.nio.file.NoSuchFileException;
import java.util.Set;
import java.util.function.Consumer;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Opening XML files, plain or gzip (detected by the magic bytes, not the name; its expansion bounded by
 * {@link InputLimits#gzipAllowance}), and wording their failures.
 */
public final class XmlFiles {

    private static final XMLInputFactory XML = SecureXml.xmlInputFactory();

    private XmlFiles() {
    }

    /** Handles one element start of a stream: reads a record from {@code r} and reports it to {@code records}. */
    @FunctionalInterface
    public interface ElementHandler {
        void onStart(XMLStreamReader r, Records records) throws XMLStreamException;
    }

    /** Counts the records of a stream and remembers the last one read, so that a failure says where reading stopped. */
    public static final class Records {
        private final String file;
        private final Consumer<ReadOutcome> sink;
        private int count;
        private String lastId;

        Records(String file, Consumer<ReadOutcome> sink) {
            this.file = file;
            this.sink = sink;
        }

        /** The file name, for failure locations. */
        public String file() {
            return file;
        }

        /** Counts one more record and returns its 1-based ordinal. */
        public int next() {
            return ++count;
        }

        /** Hands an outcome on, remembering the id of a document read. */
        public void emit(ReadOutcome outcome) {
            if (outcome instanceof ReadOutcome.Read read) {
                lastId = read.document().id().nativeId();
            }
            sink.accept(outcome);
        }
    }

    /**
     * Streams {@code file} with the secure StAX factory and calls {@code handler} on every element start. An empty,
     * missing or unreadable file, a root element not in {@code roots}, an entity reference, malformed XML or a truncated
     * gzip each give one {@link ReadOutcome.Failed} naming the file, the line and the last record read; the records
     * read before it are kept.
     *
     * @param kind what the file should be, for messages ("PubMed", "JATS")
     */
    public static void stream(Path file, String kind, Set<String> roots, Consumer<ReadOutcome> sink,
                              ElementHandler handler) {
        String name = file.getFileName().toString();
        try {
            if (Files.size(file) == 0) {
                sink.accept(new ReadOutcome.Failed(name, "file is empty"));
                return;
            }
        } catch (NoSuchFileException e) {
            sink.accept(new ReadOutcome.Failed(name, "file not found: " + file));
            return;
        } catch (IOException e) {
            sink.accept(new ReadOutcome.Failed(name, "cannot read file: " + e));
            return;
        }
        Records records = new Records(name, sink);
        XMLStreamReader r = null;
        Tracked tracked = null;
        try (Tracked in = open(file)) {
            tracked = in;
            r = XML.createXMLStreamReader(in);
            boolean sawRoot = false;
            while (r.hasNext()) {
                int ev = r.next();
                if (ev == XMLStreamConstants.ENTITY_REFERENCE) {
                    throw new XMLStreamException("undeclared entity &" + r.getLocalName() + "; refused", r.getLocation());
                }
                if (ev != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                if (!sawRoot) {
                    sawRoot = true;
                    if (!roots.contains(r.getLocalName())) {
                        sink.accept(new ReadOutcome.Failed(name, "not " + kind + " XML: root element <" + r.getLocalName() + ">"));
                        return;
                    }
                }
                handler.onStart(r, records);
            }
            if (!sawRoot) {
                sink.accept(new ReadOutcome.Failed(name, "no XML element in the file"));
            }
        } catch (XMLStreamException e) {
            sink.accept(new ReadOutcome.Failed(name + line(e) + after(records.lastId, records.count), reason(e, tracked)));
        } catch (IOException | RuntimeException e) {
            sink.accept(new ReadOutcome.Failed(name + after(records.lastId, records.count), reason(e, tracked)));
        } finally {
            closeQuietly(r);
        }
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
            return new BufferedInputStream(CappedInputStream.gunzip(in, Files.size(file), InputLimits.DEFAULTS), 1 << 16);
        }
        return in;
    }

    /** A reason for a read failure, in words a librarian understands. */
    public static String reason(Throwable e) {
        Throwable io = e;
        while (io != null && !(io instanceof IOException)) {
            io = io instanceof XMLStreamException x && x.getNestedException() != null ? x.getNestedException() : io.getCause();
        }
        if (io instanceof CappedInputStream.TooLarge) {
            return io.getMessage();
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
        if (detail.contains("JAXP0001")) {
            return "XML over a safety limit of the parser: " + detail;
        }
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
    static String after(String lastId, int articles) {
        return lastId == null ? " (before any article)" : " (after #" + lastId + ", article " + articles + ")";
    }

    /** Closes a stream reader after an error without hiding that error. */
    static void closeQuietly(XMLStreamReader r) {
        if (r != null) {
            try {
                r.close();
            } catch (XMLStreamException ignored) {
                // the error being reported matters more
            }
        }
    }
}
