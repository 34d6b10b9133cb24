package fr.preuve.indexer.source.xml;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.util.Map;
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
 * <p>Every factory is the JDK's own (not whatever the class path brings) with explicit limits, set on the factory so
 * that no JVM-wide property is read or changed: {@value #MAX_ELEMENT_DEPTH} levels of nested elements,
 * {@value #MAX_ATTRIBUTES} attributes per element, {@value #MAX_ENTITY_EXPANSIONS} entity expansions,
 * {@value #MAX_ENTITY_SIZE} characters per entity and {@value #MAX_TOTAL_ENTITY_SIZE} for all entities together,
 * names of at most {@value #MAX_NAME_LENGTH} characters. A document over one fails with a message naming the limit
 * ({@link #isLimitExceeded}); its total size is bounded before parsing, by the caps on files and downloads and by
 * {@link XmlFiles}' bound on gzip expansion.
 *
 * <p>The builders report errors by throwing {@link SAXParseException}; nothing is printed on stderr.
 */
public final class SecureXml {

    private static final String DISALLOW_DOCTYPE = "http://apache.org/xml/features/disallow-doctype-decl";
    private static final String EXTERNAL_GENERAL_ENTITIES = "http://xml.org/sax/features/external-general-entities";
    private static final String EXTERNAL_PARAMETER_ENTITIES = "http://xml.org/sax/features/external-parameter-entities";
    private static final String LOAD_EXTERNAL_DTD = "http://apache.org/xml/features/nonvalidating/load-external-dtd";

    /** Deepest element nesting accepted (real PubMed, JATS and HAS files stay under 30). */
    public static final int MAX_ELEMENT_DEPTH = 100;
    /** Most attributes on one element. */
    public static final int MAX_ATTRIBUTES = 256;
    /** Most entity expansions in one document (entities declared in an internal DTD subset). */
    public static final int MAX_ENTITY_EXPANSIONS = 1000;
    /** Largest replacement text of one entity, in characters. */
    public static final int MAX_ENTITY_SIZE = 100_000;
    /** Largest replacement text of all entities of one document together, in characters. */
    public static final int MAX_TOTAL_ENTITY_SIZE = 1_000_000;
    /** Longest element or attribute name. */
    public static final int MAX_NAME_LENGTH = 1000;

    private static final Map<String, Integer> LIMITS = Map.of(
            "jdk.xml.maxElementDepth", MAX_ELEMENT_DEPTH,
            "jdk.xml.elementAttributeLimit", MAX_ATTRIBUTES,
            "jdk.xml.entityExpansionLimit", MAX_ENTITY_EXPANSIONS,
            "jdk.xml.maxGeneralEntitySizeLimit", MAX_ENTITY_SIZE,
            "jdk.xml.maxParameterEntitySizeLimit", MAX_ENTITY_SIZE,
            "jdk.xml.entityReplacementLimit", MAX_TOTAL_ENTITY_SIZE,
            "jdk.xml.totalEntitySizeLimit", MAX_TOTAL_ENTITY_SIZE,
            "jdk.xml.maxXMLNameLimit", MAX_NAME_LENGTH);

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
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        LIMITS.forEach((name, value) -> f.setProperty(name, String.valueOf(value)));
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

    /** True when a parse error is one of the limits above being reached (the JDK's {@code JAXP0001xxxx} errors). */
    public static boolean isLimitExceeded(Exception e) {
        String m = e.getMessage();
        return m != null && m.contains("JAXP0001");
    }

    private static DocumentBuilder newBuilder(boolean refuseDoctype) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultInstance();
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
            LIMITS.forEach((name, value) -> f.setAttribute(name, String.valueOf(value)));
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
