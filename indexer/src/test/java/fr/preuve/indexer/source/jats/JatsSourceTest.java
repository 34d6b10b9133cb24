package fr.preuve.indexer.source.jats;

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
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JatsSourceTest {

    @TempDir
    Path tmp;

    static Path real(String name) {
        return moduleDir().resolve("src/test/resources/jats").resolve(name);
    }

    private static SourceDocument only(String file) {
        List<ReadOutcome> out = readAll(new JatsSource(real(file)));
        assertThat(failures(out)).as("failures in " + file).isEmpty();
        assertThat(documents(out)).hasSize(1);
        return documents(out).getFirst();
    }

    @ParameterizedTest
    @CsvSource({
        "1471-2180-11-174.nxml, PMC3166277",
        "ehp-116-1694.nxml, PMC2599765",
        "mds526.nxml, PMC3574550",
        "pntd.0002065.nxml, PMC3585041",
        "pone.0046493.nxml, PMC3460867",
        "efetch_pmc.xml, PMC8435807",
    })
    void realArticles(String file, String pmc) {
        SourceDocument d = only(file);

        assertThat(d.id().toString()).isEqualTo("pmc:" + pmc);
        assertThat(d.url()).isEqualTo("https://pmc.ncbi.nlm.nih.gov/articles/" + pmc + "/");
        assertThat(d.metadata()).containsKeys("journal", "doi", "pmid");
        assertThat(d.text()).doesNotContain("<italic>", "<xref", "</");
        // goldens keep every heading, and the text of the first sections, tables and figures only (full texts are long)
        int[] kept = {0};
        assertGolden("jats-" + pmc + ".json", render(d, s -> kept[0]++ < 4 || isFloat(s)) + headings(d));
    }

    private static boolean isFloat(Section s) {
        return s.heading() != null && s.heading().matches("(?i)(table|figure|fig\\.?) ?[0-9S].*");
    }

    private static String headings(SourceDocument d) {
        StringBuilder sb = new StringBuilder("# headings\n");
        for (Section s : d.sections()) {
            sb.append(s.heading()).append('\n');
        }
        return sb.toString();
    }

    @Test
    void structureOfAResearchArticle() {
        SourceDocument d = only("pone.0046493.nxml");

        assertThat(d.sections().getFirst().heading()).startsWith("Abstract");
        assertThat(d.sections()).extracting(Section::heading).anyMatch(h -> h != null && h.contains(JatsSource.SEP));
        assertThat(d.sections()).anySatisfy(s -> {
            assertThat(s.heading()).startsWith("Table");
            assertThat(s.text()).contains(" | ");
        });
        assertThat(d.sections()).anySatisfy(s -> assertThat(s.heading()).startsWith("Figure"));
        assertThat(d.metadata().get("licence")).isNotBlank();
        assertThat(d.metadata().get("authors")).contains("; ");
    }

    @Test
    void gzippedArticleSet() throws IOException {
        Path f = tmp.resolve("set.xml.gz");
        try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(f))) {
            Files.copy(real("efetch_pmc.xml"), o);
        }
        assertThat(documents(readAll(new JatsSource(f)))).extracting(d -> d.id().toString()).containsExactly("pmc:PMC8435807");
    }

    @Test
    void pmcPrefixIsAddedOnce() throws IOException {
        Path a = write("a.nxml", article("<article-id pub-id-type=\"pmc\">123</article-id>"));
        Path b = write("b.nxml", article("<article-id pub-id-type=\"pmcid\">PMC123</article-id>"));

        assertThat(documents(readAll(new JatsSource(a)))).extracting(d -> d.id().toString()).containsExactly("pmc:PMC123");
        assertThat(documents(readAll(new JatsSource(b)))).extracting(d -> d.id().toString()).containsExactly("pmc:PMC123");
    }

    @Test
    void malformedArticleSetKeepsTheArticlesBefore() throws IOException {
        String good = Files.readString(real("efetch_pmc.xml"), StandardCharsets.UTF_8);
        String one = good.substring(good.indexOf("<article "), good.lastIndexOf("</pmc-articleset>"));
        Path f = write("broken.xml", "<pmc-articleset>" + one + "\n<article><front><oops></front></article></pmc-articleset>");

        List<ReadOutcome> out = readAll(new JatsSource(f));

        assertThat(documents(out)).extracting(d -> d.id().toString()).containsExactly("pmc:PMC8435807");
        assertThat(failures(out)).singleElement().satisfies(x -> {
            assertThat(x.location()).startsWith("broken.xml line ").contains("after #PMC8435807");
            assertThat(x.reason()).startsWith("malformed XML");
        });
    }

    @Test
    void xxeAndBillionLaughsDoNotExpand() throws IOException {
        Path secret = Files.writeString(tmp.resolve("secret.txt"), "TOP-SECRET");
        Path xxe = write("xxe.nxml", "<!DOCTYPE article [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>\n"
                + article("<article-id pub-id-type=\"pmc\">1</article-id>").replace("A title", "A &xxe; title"));
        Path lol = write("lol.nxml", "<!DOCTYPE article [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
                + "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">]>\n"
                + article("<article-id pub-id-type=\"pmc\">2</article-id>").replace("A title", "&d;&d;&d;&d;&d;&d;&d;&d;"));

        for (Path f : List.of(xxe, lol)) {
            List<ReadOutcome> out = readAll(new JatsSource(f));
            assertThat(out.toString()).doesNotContain("TOP-SECRET", "aaaaaaaaaaaaaaaaaaaa");
            assertThat(documents(out)).isEmpty();
            assertThat(failures(out)).singleElement().satisfies(x -> assertThat(x.location()).startsWith(f.getFileName().toString()));
        }
    }

    @Test
    void emptyAndTruncatedFiles() throws IOException {
        Path empty = Files.createFile(tmp.resolve("empty.nxml"));
        assertThat(readAll(new JatsSource(empty))).containsExactly(new ReadOutcome.Failed("empty.nxml", "file is empty"));

        Path gz = tmp.resolve("cut.nxml.gz");
        try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(gz))) {
            Files.copy(real("pone.0046493.nxml"), o);
        }
        byte[] bytes = Files.readAllBytes(gz);
        Files.write(gz, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertThat(readAll(new JatsSource(gz))).singleElement().isInstanceOfSatisfying(ReadOutcome.Failed.class, x -> {
            assertThat(x.location()).startsWith("cut.nxml.gz");
            assertThat(x.reason()).contains("truncated");
        });
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(tmp.resolve(name), content, StandardCharsets.UTF_8);
    }

    private static String article(String ids) {
        return "<article><front><journal-meta><journal-title>J</journal-title></journal-meta><article-meta>" + ids
                + "<title-group><article-title>A title</article-title></title-group></article-meta></front>"
                + "<body><p>Some text.</p></body></article>";
    }
}
