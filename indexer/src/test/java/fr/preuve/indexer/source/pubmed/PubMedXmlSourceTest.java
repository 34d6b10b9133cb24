package fr.preuve.indexer.source.pubmed;

import static fr.preuve.indexer.source.golden.GoldenFiles.assertGolden;
import static fr.preuve.indexer.source.golden.GoldenFiles.documents;
import static fr.preuve.indexer.source.golden.GoldenFiles.failures;
import static fr.preuve.indexer.source.golden.GoldenFiles.moduleDir;
import static fr.preuve.indexer.source.golden.GoldenFiles.readAll;
import static fr.preuve.indexer.source.golden.GoldenFiles.render;
import static org.assertj.core.api.Assertions.assertThat;

import fr.preuve.core.doc.Section;
import fr.preuve.core.doc.SourceDocument;
import fr.preuve.indexer.source.ReadOutcome;
import fr.preuve.indexer.source.xml.XmlNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PubMedXmlSourceTest {

    @TempDir
    Path tmp;

    static Path real(String name) {
        return moduleDir().resolve("src/test/resources/pubmed").resolve(name);
    }

    private static List<SourceDocument> docs(String name) {
        List<ReadOutcome> out = readAll(new PubMedXmlSource(real(name)));
        assertThat(failures(out)).as("failures in " + name).isEmpty();
        return documents(out);
    }

    private static SourceDocument doc(String file, String pmid) {
        return docs(file).stream().filter(d -> d.id().nativeId().equals(pmid)).findFirst().orElseThrow();
    }

    @Test
    void baselineFileHas30ArticlesAndNoDeletion() {
        PubMedXmlSource source = new PubMedXmlSource(real("pubmed26n1334.xml.gz"));
        List<ReadOutcome> out = readAll(source);

        assertThat(failures(out)).isEmpty();
        List<SourceDocument> docs = documents(out);
        assertThat(docs).hasSize(30);
        assertThat(docs).extracting(d -> d.id().toString()).doesNotHaveDuplicates();
        assertThat(source.deletedPmids()).isEmpty();
        assertThat(docs).allSatisfy(d -> {
            assertThat(d.url()).isEqualTo("https://pubmed.ncbi.nlm.nih.gov/" + d.id().nativeId() + "/");
            assertThat(d.metadata()).containsKey("journal");
        });
    }

    @Test
    void updateFileHas30ArticlesAnd6Deletions() {
        PubMedXmlSource source = new PubMedXmlSource(real("pubmed26n1335.xml.gz"));
        List<ReadOutcome> out = readAll(source);

        assertThat(failures(out)).isEmpty();
        assertThat(documents(out)).hasSize(30);
        // SOURCE.txt says 38; the file's single DeleteCitation holds 6 PMIDs (counted with grep too)
        assertThat(source.deletedPmids()).startsWith("41456105").endsWith("41618779");
        assertThat(source.deletedPmids()).hasSize(6).doesNotHaveDuplicates().allMatch(p -> p.matches("\\d+"));
    }

    @Test
    void olderUpdateFileHas26ArticlesAnd262Deletions() {
        PubMedXmlSource source = new PubMedXmlSource(real("pubmed20n1016.xml.gz"));
        List<ReadOutcome> out = readAll(source);

        assertThat(failures(out)).isEmpty();
        assertThat(documents(out)).hasSize(26);
        assertThat(source.deletedPmids()).hasSize(262);
    }

    @Test
    void structuredAbstractWithLabelsAndSubscripts() {
        SourceDocument d = doc("pubmed-29768149.xml", "29768149");

        assertThat(d.sections()).extracting(Section::heading).containsExactly("BACKGROUND", "METHODS", "RESULTS", "CONCLUSIONS");
        assertThat(d.text() + d.title()).doesNotContain("<sub>", "</");
        assertGolden("pubmed-29768149.json", render(d));
    }

    @ParameterizedTest
    @CsvSource({
        "pubmed1.xml, 2",
        "pubmed2.xml, 2",
        "pubmed4.xml, 1",
        "pubmed5.xml, 1",
        "pubmed6.xml, 1",
        "pubmed7.xml, 1",
    })
    void biopythonEfetchAnswers(String file, int count) {
        List<SourceDocument> docs = docs(file);

        assertThat(docs).hasSize(count);
        StringBuilder all = new StringBuilder();
        for (SourceDocument d : docs) {
            all.append(render(d));
        }
        assertGolden("pubmed-biopython-" + file.replace(".xml", ".json"), all.toString());
    }

    @Test
    void goldenBaselineAndUpdateRecords() {
        List<SourceDocument> base = docs("pubmed26n1334.xml.gz");
        List<SourceDocument> update = docs("pubmed26n1335.xml.gz");
        List<SourceDocument> old = docs("pubmed20n1016.xml.gz");

        assertGolden("pubmed-baseline-first.json", render(base.get(0)));
        assertGolden("pubmed-update-first.json", render(update.get(0)));
        assertGolden("pubmed20n1016-first.json", render(old.get(0)));
        StringBuilder summary = new StringBuilder();
        for (List<SourceDocument> file : List.of(base, update, old)) {
            for (SourceDocument d : file) {
                summary.append(d.id()).append('\t').append(d.date()).append('\t').append(d.language()).append('\t')
                        .append(d.sections().size()).append('\t').append(d.metadata().getOrDefault("doi", "-"))
                        .append('\t').append(d.title()).append('\n');
            }
        }
        assertGolden("pubmed-gz-summary.tsv", summary.toString());
    }

    @Test
    void medlineDateGivesItsFirstYear() {
        assertThat(PubMedXmlSource.date(node("<PubDate><MedlineDate>1998 Dec-1999 Jan</MedlineDate></PubDate>"))).isEqualTo("1998");
        assertThat(PubMedXmlSource.date(node("<PubDate><Year>2018</Year><Month>May</Month><Day>3</Day></PubDate>")))
                .isEqualTo("2018-05-03");
        assertThat(PubMedXmlSource.date(node("<PubDate><Year>2018</Year><Season>Spring</Season></PubDate>"))).isEqualTo("2018");
    }

    @Test
    void articleWithoutAbstractKeepsItsTitleAsText() throws IOException {
        Path f = write("noabstract.xml", set(article("111", "<ArticleTitle>Only a <i>title</i>.</ArticleTitle><Language>fre</Language>")));

        SourceDocument d = documents(readAll(new PubMedXmlSource(f))).getFirst();

        assertThat(d.title()).isEqualTo("Only a title.");
        assertThat(d.language()).isEqualTo("fr");
        assertThat(d.sections()).containsExactly(Section.of(null, "Only a title."));
    }

    @Test
    void malformedXmlKeepsTheArticlesBeforeTheError() throws IOException {
        Path f = write("broken.xml", "<PubmedArticleSet>" + article("1", "<ArticleTitle>One</ArticleTitle>")
                + article("2", "<ArticleTitle>Two</ArticleTitle>") + "\n<PubmedArticle><MedlineCitation><PMID>3</PMID><Article>"
                + "<ArticleTitle>Three</Title></Article></MedlineCitation></PubmedArticle></PubmedArticleSet>");

        List<ReadOutcome> out = readAll(new PubMedXmlSource(f));

        assertThat(documents(out)).extracting(d -> d.id().toString()).containsExactly("pubmed:1", "pubmed:2");
        assertThat(failures(out)).singleElement().satisfies(x -> {
            assertThat(x.location()).startsWith("broken.xml line 2").contains("after #2");
            assertThat(x.reason()).startsWith("malformed XML");
        });
    }

    @Test
    void badArticleIsOneFailureAndReadingGoesOn() throws IOException {
        Path f = write("notitle.xml", set(article("5", "<ArticleTitle> </ArticleTitle>") + article("6", "<ArticleTitle>Six</ArticleTitle>")));

        List<ReadOutcome> out = readAll(new PubMedXmlSource(f));

        assertThat(out).hasSize(2);
        assertThat(out.get(0)).isEqualTo(new ReadOutcome.Failed("notitle.xml#5", "article without title"));
        assertThat(documents(out)).extracting(d -> d.id().toString()).containsExactly("pubmed:6");
    }

    @Test
    void truncatedGzipIsAFailureNamingTheFileAfterTheGoodArticles() throws IOException {
        byte[] gz = Files.readAllBytes(real("pubmed26n1334.xml.gz"));
        Path f = tmp.resolve("pubmed26n1334.xml.gz");
        Files.write(f, java.util.Arrays.copyOf(gz, gz.length / 2));

        List<ReadOutcome> out = readAll(new PubMedXmlSource(f));

        assertThat(documents(out)).hasSizeBetween(1, 29);
        assertThat(failures(out)).singleElement().satisfies(x -> {
            assertThat(x.location()).startsWith("pubmed26n1334.xml.gz");
            assertThat(x.reason()).contains("truncated");
        });
    }

    @Test
    void gzipIsDetectedByContentNotName() throws IOException {
        Path f = tmp.resolve("renamed.xml");
        try (InputStream in = new GZIPInputStream(Files.newInputStream(real("pubmed26n1334.xml.gz")));
             OutputStream o = new GZIPOutputStream(Files.newOutputStream(f))) {
            in.transferTo(o);
        }
        assertThat(documents(readAll(new PubMedXmlSource(f)))).hasSize(30);
        Path plain = tmp.resolve("plain.xml.gz");
        try (InputStream in = new GZIPInputStream(Files.newInputStream(real("pubmed26n1334.xml.gz")))) {
            Files.copy(in, plain);
        }
        assertThat(documents(readAll(new PubMedXmlSource(plain)))).hasSize(30);
    }

    @Test
    void xxeIsNotResolved() throws IOException {
        Path secret = Files.writeString(tmp.resolve("secret.txt"), "TOP-SECRET");
        Path f = write("xxe.xml", "<?xml version=\"1.0\"?>\n<!DOCTYPE PubmedArticleSet [<!ENTITY xxe SYSTEM \""
                + secret.toUri() + "\">]>\n" + set(article("7", "<ArticleTitle>Leak &xxe;</ArticleTitle>")));

        List<ReadOutcome> out = readAll(new PubMedXmlSource(f));

        assertThat(documents(out)).allSatisfy(d -> assertThat(d.text() + d.title()).doesNotContain("TOP-SECRET"));
        assertThat(out.toString()).doesNotContain("TOP-SECRET");
        assertThat(failures(out)).singleElement().satisfies(x -> {
            assertThat(x.location()).startsWith("xxe.xml line 3");
            assertThat(x.reason()).startsWith("entity reference refused").contains("xxe");
        });
    }

    @Test
    void billionLaughsDoesNotExpand() throws IOException {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE PubmedArticleSet [<!ENTITY lol \"lol\">");
        for (int i = 1; i <= 9; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"");
            for (int j = 0; j < 10; j++) {
                dtd.append("&lol").append(i == 1 ? "" : Integer.toString(i - 1)).append(';');
            }
            dtd.append("\">");
        }
        dtd.append("]>\n");
        Path f = write("lol.xml", dtd + set(article("8", "<ArticleTitle>&lol9;</ArticleTitle>")));

        List<ReadOutcome> out = readAll(new PubMedXmlSource(f));

        assertThat(documents(out)).isEmpty();
        assertThat(failures(out)).singleElement().satisfies(x -> {
            assertThat(x.reason()).startsWith("entity reference refused").hasSizeLessThan(500);
            assertThat(x.location()).startsWith("lol.xml");
        });
    }

    @Test
    void emptyFileIsOneFailure() throws IOException {
        Path empty = Files.createFile(tmp.resolve("empty.xml"));

        assertThat(readAll(new PubMedXmlSource(empty))).containsExactly(new ReadOutcome.Failed("empty.xml", "file is empty"));
    }

    @Test
    void notPubMedIsOneFailure() throws IOException {
        Path f = write("other.xml", "<html><body/></html>");

        assertThat(readAll(new PubMedXmlSource(f))).containsExactly(new ReadOutcome.Failed("other.xml", "not PubMed XML: root element <html>"));
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(tmp.resolve(name), content, StandardCharsets.UTF_8);
    }

    private static String set(String articles) {
        return "<PubmedArticleSet>" + articles + "</PubmedArticleSet>";
    }

    private static String article(String pmid, String inner) {
        return "<PubmedArticle><MedlineCitation Status=\"MEDLINE\"><PMID>" + pmid + "</PMID><Article><Journal><Title>J</Title>"
                + "</Journal>" + inner + "</Article></MedlineCitation></PubmedArticle>";
    }

    static XmlNode node(String xml) {
        try {
            var r = fr.preuve.indexer.source.xml.SecureXml.xmlInputFactory()
                    .createXMLStreamReader(new java.io.StringReader(xml));
            r.nextTag();
            return XmlNode.read(r);
        } catch (javax.xml.stream.XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

}
