package fr.preuve.indexer.source.xml;

import static fr.preuve.indexer.source.golden.GoldenFiles.documents;
import static fr.preuve.indexer.source.golden.GoldenFiles.failures;
import static fr.preuve.indexer.source.golden.GoldenFiles.readAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.preuve.indexer.source.CappedInputStream;
import fr.preuve.indexer.source.InputLimits;
import fr.preuve.indexer.source.ReadOutcome;
import fr.preuve.indexer.source.golden.GoldenFiles;
import fr.preuve.indexer.source.local.LocalFolderSource;
import fr.preuve.indexer.source.pubmed.PubMedXmlSource;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import javax.xml.stream.XMLStreamReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.xml.sax.SAXParseException;

/**
 * XML and gzip built to exhaust the indexer (deep nesting, attribute floods, entity bombs, decompression bombs) fail
 * fast with a message naming the limit, and the records read before the bomb are kept. The limits are set on each
 * factory: no JVM-wide property is touched, so the test runs beside the others.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HostileXmlTest {

    private static final Path PUBMED1 = GoldenFiles.moduleDir().resolve("src/test/resources/pubmed/pubmed1.xml");

    @TempDir
    Path tmp;

    private static String nested(String root, int depth) {
        return "<" + root + ">" + "<a>".repeat(depth) + "x" + "</a>".repeat(depth) + "</" + root + ">";
    }

    @Test
    void deeplyNestedXmlIsRefusedByEveryParserNamingTheLimit() throws Exception {
        String deep = nested("dataset", 10_000);

        assertThatThrownBy(() -> SecureXml.parse(deep)).isInstanceOf(SAXParseException.class)
                .satisfies(e -> assertThat(SecureXml.isLimitExceeded((Exception) e)).isTrue())
                .hasMessageContaining("jdk.xml.maxElementDepth").hasMessageContaining("\"100\"");
        XMLStreamReader r = SecureXml.xmlInputFactory().createXMLStreamReader(new java.io.StringReader(deep));
        assertThatThrownBy(() -> {
            while (r.hasNext()) {
                r.next();
            }
        }).hasMessageContaining("jdk.xml.maxElementDepth");
        assertThat(SecureXml.parse(nested("dataset", 90)).getDocumentElement().getTextContent()).isEqualTo("x");
    }

    @Test
    void aDeepPubMedFileFailsWithAClearReasonAfterItsRealArticles() throws Exception {
        String real = Files.readString(PUBMED1);
        int end = real.lastIndexOf("</PubmedArticleSet>");
        Path file = Files.writeString(tmp.resolve("deep.xml"), real.substring(0, end) + "<PubmedArticle>"
                + nested("MedlineCitation", 5_000) + "</PubmedArticle></PubmedArticleSet>\n");

        List<ReadOutcome> out = readAll(new PubMedXmlSource(file));

        assertThat(documents(out)).extracting(d -> d.id().toString()).contains("pubmed:12091962");
        assertThat(failures(out)).singleElement().satisfies(f -> assertThat(f.reason())
                .startsWith("XML over a safety limit of the parser: ").contains("jdk.xml.maxElementDepth"));
    }

    @Test
    void attributeFloodsAndEntityBombsAreStopped() {
        StringBuilder attrs = new StringBuilder("<r");
        for (int i = 0; i < 1000; i++) {
            attrs.append(" a").append(i).append("='v'");
        }
        String flood = attrs.append("/>").toString();
        assertThatThrownBy(() -> SecureXml.parse(flood)).hasMessageContaining("jdk.xml.elementAttributeLimit");

        StringBuilder entities = new StringBuilder("<!ENTITY l0 \"lol\">");
        for (int i = 1; i <= 5; i++) {
            entities.append("<!ENTITY l").append(i).append(" \"").append(("&l" + (i - 1) + ";").repeat(10)).append("\">");
        }
        String bomb = "<?xml version=\"1.0\"?>\n<!DOCTYPE r [" + entities + "]>\n<r>&l5;</r>"; // 100,000 expansions
        assertThatThrownBy(() -> SecureXml.documentBuilderIgnoringDtd().parse(
                new ByteArrayInputStream(bomb.getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(SAXParseException.class)
                .satisfies(e -> assertThat(SecureXml.isLimitExceeded((Exception) e)).isTrue())
                .hasMessageContaining("jdk.xml.entityExpansionLimit");
    }

    @Test
    void aGzipDecompressionBombStopsPastItsAllowanceAndKeepsTheArticlesBefore() throws Exception {
        String real = Files.readString(PUBMED1);
        int end = real.lastIndexOf("</PubmedArticleSet>");
        Path dir = Files.createDirectories(tmp.resolve("folder"));
        Path bomb = dir.resolve("bomb.xml.gz");
        byte[] comment = ("<!--" + "x".repeat(4000) + "-->\n").getBytes(StandardCharsets.UTF_8);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(bomb), 1 << 16)) {
            out.write(real.substring(0, end).getBytes(StandardCharsets.UTF_8));
            for (long written = 0; written < 80L << 20; written += comment.length) { // 80 MB of comments
                out.write(comment);
            }
            out.write("</PubmedArticleSet>\n".getBytes(StandardCharsets.UTF_8));
        }
        assertThat(Files.size(bomb)).as("small on disk").isLessThan(1L << 20);

        List<ReadOutcome> out = readAll(new LocalFolderSource(dir, "en"));

        assertThat(documents(out)).extracting(d -> d.id().toString()).contains("pubmed:12091962");
        assertThat(failures(out)).singleElement().satisfies(f -> {
            assertThat(f.location()).startsWith("bomb.xml.gz");
            assertThat(f.reason()).startsWith("gzip file expands past 64 MB (100 times its ")
                    .endsWith("reading stopped, a decompression bomb is likely");
        });
    }

    @Test
    void theGzipAllowanceIsAHundredTimesTheFileWithSixtyFourMegabytesAtLeast() throws IOException {
        assertThat(InputLimits.DEFAULTS.gzipAllowance(1000)).isEqualTo(64L << 20);
        assertThat(InputLimits.DEFAULTS.gzipAllowance(10L << 20)).isEqualTo(1000L << 20);
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(gz)) {
            out.write(new byte[5000]);
        }
        InputLimits tight = new InputLimits(1000, 1000, 10, 1000, 2, 4000);
        try (InputStream in = CappedInputStream.gunzip(new ByteArrayInputStream(gz.toByteArray()), gz.size(), tight)) {
            assertThatThrownBy(in::readAllBytes).isInstanceOf(CappedInputStream.TooLarge.class)
                    .hasMessageStartingWith("gzip file expands past 3.9 KB (2 times its");
        }
        try (InputStream in = CappedInputStream.gunzip(new ByteArrayInputStream(gz.toByteArray()), gz.size(),
                InputLimits.DEFAULTS)) {
            assertThat(in.readAllBytes()).hasSize(5000);
        }
    }
}
