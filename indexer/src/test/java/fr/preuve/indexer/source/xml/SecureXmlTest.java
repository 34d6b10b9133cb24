package fr.preuve.indexer.source.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

class SecureXmlTest {

    @TempDir
    Path tmp;

    private String xxe() throws IOException {
        Path secret = Files.writeString(tmp.resolve("secret.txt"), "TOP-SECRET-CONTENT");
        return "<?xml version=\"1.0\"?>\n<!DOCTYPE r [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>\n<r>&xxe;</r>";
    }

    private static String billionLaughs() {
        StringBuilder entities = new StringBuilder("<!ENTITY lol \"lol\">");
        for (int i = 1; i <= 9; i++) {
            entities.append("<!ENTITY lol").append(i).append(" \"")
                    .append(("&lol" + (i == 1 ? "" : String.valueOf(i - 1)) + ";").repeat(10)).append("\">");
        }
        return "<?xml version=\"1.0\"?>\n<!DOCTYPE r [" + entities + "]>\n<r>&lol9;</r>";
    }

    @Test
    void plainXmlParses() throws Exception {
        Document d = SecureXml.parse("<r a='1'>caf&#233; &amp; th&#xE9;</r>");

        assertThat(d.getDocumentElement().getTextContent()).isEqualTo("café & thé");
    }

    @Test
    void strictBuilderRefusesXxe() throws IOException {
        String xml = xxe();

        assertThatThrownBy(() -> SecureXml.parse(xml))
                .isInstanceOf(SAXException.class)
                .satisfies(e -> assertThat(SecureXml.isDoctypeRefusal((Exception) e)).isTrue())
                .hasMessageNotContaining("TOP-SECRET");
    }

    @Test
    @Timeout(10)
    void strictBuilderRefusesBillionLaughs() {
        assertThatThrownBy(() -> SecureXml.parse(billionLaughs()))
                .isInstanceOf(SAXException.class)
                .satisfies(e -> assertThat(SecureXml.isDoctypeRefusal((Exception) e)).isTrue());
    }

    @Test
    void dtdIgnoringBuilderDoesNotReadExternalEntities() throws Exception {
        String xml = xxe();

        String text;
        try {
            Document d = SecureXml.documentBuilderIgnoringDtd().parse(new InputSource(new StringReader(xml)));
            text = d.getDocumentElement().getTextContent();
        } catch (SAXException e) {
            text = e.getMessage();
        }
        assertThat(text).doesNotContain("TOP-SECRET");
    }

    @Test
    @Timeout(10)
    void dtdIgnoringBuilderStopsBillionLaughs() {
        assertThatThrownBy(() -> SecureXml.documentBuilderIgnoringDtd().parse(new InputSource(new StringReader(billionLaughs()))))
                .isInstanceOf(SAXException.class);
    }

    @Test
    void dtdIgnoringBuilderAcceptsAPubMedStyleDoctype() throws Exception {
        String xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE PubmedArticleSet PUBLIC \"-//NLM//DTD PubMedArticle, 1st January 2025//EN\" "
                + "\"https://dtd.nlm.nih.gov/ncbi/pubmed/out/pubmed_250101.dtd\">\n<PubmedArticleSet><PMID>1</PMID></PubmedArticleSet>";

        Document d = SecureXml.documentBuilderIgnoringDtd().parse(new InputSource(new StringReader(xml)));

        assertThat(d.getDocumentElement().getTextContent()).isEqualTo("1");
    }

    @Test
    void staxDoesNotReadExternalEntities() throws Exception {
        String xml = xxe();
        StringBuilder text = new StringBuilder();
        try {
            XMLStreamReader r = SecureXml.xmlInputFactory().createXMLStreamReader(new StringReader(xml));
            while (r.hasNext()) {
                if (r.next() == XMLStreamConstants.CHARACTERS) {
                    text.append(r.getText());
                }
            }
        } catch (javax.xml.stream.XMLStreamException e) {
            text.append(e.getMessage());
        }
        assertThat(text.toString()).doesNotContain("TOP-SECRET");
    }

    @Test
    @Timeout(10)
    void staxDoesNotExpandBillionLaughs() {
        StringBuilder text = new StringBuilder();
        try {
            XMLStreamReader r = SecureXml.xmlInputFactory().createXMLStreamReader(new StringReader(billionLaughs()));
            while (r.hasNext()) {
                if (r.next() == XMLStreamConstants.CHARACTERS) {
                    text.append(r.getText());
                }
            }
        } catch (javax.xml.stream.XMLStreamException e) {
            // refused: fine
        }
        assertThat(text.toString()).doesNotContain("lollol");
    }
}
