package fr.preuve.indexer.source.xml;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.stream.XMLInputFactory;
import org.w3c.dom.Document;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * XML parser factories that never fetch anything and never expand entities declared in a document: every XML file
 * Preuve reads comes from outside (HAS API answers, PubMed downloads), so XXE ({@code <!ENTITY x SYSTEM "file:///etc/passwd">})
 * and entity bombs ("billion laughs") must not work.
 *
 * <ul>
 *   <li>{@link #documentBuilder()}: DOM, a {@code <!DOCTYPE>} is refused outright ({@code disallow-doctype-decl}).
 *       Use it for formats that never carry a DOCTYPE (the HAS REST API).</li>
 *   <li>{@link #documentBuilderIgnoringDtd()}: DOM for formats that do carry a DOCTYPE (PubMed efetch XML): the DTD is
 *       neither loaded nor used, external entities are off, and the JDK's secure-processing limits stop entity bombs.</li>
 *   <li>{@link #xmlInputFactory()}: StAX for big streamed files (MEDLINE baseline): DTDs are not supported, so a
 *       DOCTYPE is skipped and entities it would declare stay undeclared (an error if referenced).</li>
 * </ul>
 *
 * <p>The builders report errors by throwing {@link SAXParseException}; nothing is printed on stderr.
 */
public final class SecureXml {

    private static final String DISALLOW_DOCTYPE = "http://apache.org/xml/features/disallow-doctype-decl";
    private static final String EXTERNAL_GENERAL_ENTITIES = "http://xml.org/sax/features/external-general-entities";
    private static final String EXTERNAL_PARAMETER_ENTITIES = "http://xml.org/sax/features/external-parameter-entities";
    private static final String LOAD_EXTERNAL_DTD = "http://apache.org/xml/features/nonvalidating/load-external-dtd";

    private SecureXml() {
    }

    /** A namespace-aware DOM builder that refuses any document with a DOCTYPE. */
    public static DocumentBuilder documentBuilder() {
        return newBuilder(true);
    }

    /** A namespace-aware DOM builder that accepts a DOCTYPE but never loads the DTD nor resolves external entities. */
    public static DocumentBuilder documentBuilderIgnoringDtd() {
        return newBuilder(false);
    }

    /** Parses with {@link #documentBuilder()}: a DOCTYPE is refused. */
    public static Document parse(InputStream in) throws IOException, SAXException {
        return documentBuilder().parse(in);
    }

    /** Parses a string with {@link #documentBuilder()}: a DOCTYPE is refused. */
    public static Document parse(String xml) throws IOException, SAXException {
        return documentBuilder().parse(new InputSource(new StringReader(xml)));
    }

    /** A StAX factory with DTD support and external entities off, coalescing text. */
    public static XMLInputFactory xmlInputFactory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, true);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        f.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
            throw new javax.xml.stream.XMLStreamException("external resource refused: " + systemId);
        });
        trySetProperty(f, XMLConstants.ACCESS_EXTERNAL_DTD, "");
        trySetProperty(f, XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        return f;
    }

    /** True when a parse error is the refusal of a DOCTYPE, to word the failure for a librarian. */
    public static boolean isDoctypeRefusal(Exception e) {
        String m = e.getMessage();
        return m != null && (m.contains("DOCTYPE is disallowed") || m.contains("disallow-doctype-decl"));
    }

    private static DocumentBuilder newBuilder(boolean refuseDoctype) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setValidating(false);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(true); // so that the secure-processing expansion limits apply during parsing
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature(DISALLOW_DOCTYPE, refuseDoctype);
            f.setFeature(EXTERNAL_GENERAL_ENTITIES, false);
            f.setFeature(EXTERNAL_PARAMETER_ENTITIES, false);
            f.setFeature(LOAD_EXTERNAL_DTD, false);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            DocumentBuilder b = f.newDocumentBuilder();
            b.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("external entity refused: " + systemId);
            });
            b.setErrorHandler(THROWING);
            return b;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK XML parser does not support secure processing", e);
        }
    }

    private static void trySetProperty(XMLInputFactory f, String name, Object value) {
        try {
            f.setProperty(name, value);
        } catch (IllegalArgumentException ignored) {
            // not every StAX implementation knows the JAXP access properties; the DTD is off anyway
        }
    }

    private static final ErrorHandler THROWING = new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {
            // warnings are not errors; stay quiet
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    };
}
