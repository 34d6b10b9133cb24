package fr.preuve.indexer.source.has;

import static fr.preuve.indexer.source.golden.GoldenFiles.assertGolden;
import static fr.preuve.indexer.source.golden.GoldenFiles.demo;
import static fr.preuve.indexer.source.golden.GoldenFiles.documents;
import static fr.preuve.indexer.source.golden.GoldenFiles.failures;
import static fr.preuve.indexer.source.golden.GoldenFiles.readAll;
import static fr.preuve.indexer.source.golden.GoldenFiles.render;
import static org.assertj.core.api.Assertions.assertThat;

import fr.preuve.core.doc.Section;
import fr.preuve.core.doc.SourceDocument;
import fr.preuve.indexer.source.ReadOutcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class HasApiXmlSourceTest {

    private static final Path REAL = demo("has/has_rest_RecommandationVaccinale_page0.xml");

    @TempDir
    Path tmp;

    @Test
    void readsBothRealPublications() {
        List<ReadOutcome> out = readAll(new HasApiXmlSource(REAL));

        assertThat(failures(out)).isEmpty();
        List<SourceDocument> docs = documents(out);
        assertThat(docs).extracting(d -> d.id().toString()).containsExactly("has:p_3240117", "has:p_3240075");
        SourceDocument first = docs.get(0);
        assertThat(first.title()).startsWith("Stratégie de vaccination contre le Sars-Cov-2 - Actualisation");
        assertThat(first.language()).isEqualTo("fr");
        assertThat(first.date()).isEqualTo("2021-03-02");
        assertThat(first.url()).isEqualTo("https://www.has-sante.fr/jcms/p_3240117");
        assertThat(first.metadata()).containsEntry("type", "RecommandationVaccinale")
                .containsKeys("categories", "pdfs");
        assertThat(first.metadata().get("categories").split("; ")).hasSize(6)
                .contains("Thématique/Maladies et états de santé/Infections/COVID-19");
        assertThat(first.metadata().get("pdfs").split("; ")).hasSize(2)
                .allSatisfy(u -> assertThat(u).startsWith("https://www.has-sante.fr/upload/docs/application/pdf/2021-03/").endsWith(".pdf"));
        assertThat(first.sections()).extracting(Section::heading).containsExactly(null, null,
                "A qui s’adresse ces recommandations ?", "Quels sont les objectifs de cette recommandation ?",
                "Principales conclusions de la recommandation :");
        assertThat(first.text()).contains("l’âge").doesNotContain("<p>", "&lt;", "&nbsp;", "<strong>");
    }

    @Test
    void goldenPublications() {
        List<SourceDocument> docs = documents(readAll(new HasApiXmlSource(REAL)));

        assertGolden("has-p_3240117.json", render(docs.get(0)));
        assertGolden("has-p_3240075.json", render(docs.get(1)));
    }

    @Test
    void xxePayloadIsRefusedAndNoFileIsRead() throws IOException {
        Path secret = Files.writeString(tmp.resolve("secret.txt"), "TOP-SECRET-CONTENT");
        Path xml = Files.writeString(tmp.resolve("xxe.xml"), """
                <?xml version="1.0"?>
                <!DOCTYPE dataset [<!ENTITY xxe SYSTEM "%s">]>
                <dataset><data class='generated.RecommandationVaccinale' id='p_1'>
                  <field name='title'>&xxe;</field>
                  <field name='resume'>&lt;p&gt;texte&lt;/p&gt;</field>
                </data></dataset>
                """.formatted(secret.toUri()));

        List<ReadOutcome> out = readAll(new HasApiXmlSource(xml));

        assertThat(documents(out)).isEmpty();
        assertThat(failures(out)).singleElement().satisfies(f -> {
            assertThat(f.location()).startsWith("xxe.xml");
            assertThat(f.reason()).contains("DOCTYPE").contains("refused").doesNotContain("TOP-SECRET");
        });
        // the next source still reads fine
        assertThat(documents(readAll(new HasApiXmlSource(REAL)))).hasSize(2);
    }

    @Test
    @Timeout(10)
    void billionLaughsIsRefusedWithoutExpansion() throws IOException {
        StringBuilder entities = new StringBuilder("<!ENTITY lol \"lol\">");
        for (int i = 1; i <= 9; i++) {
            entities.append("<!ENTITY lol").append(i).append(" \"")
                    .append(("&lol" + (i == 1 ? "" : String.valueOf(i - 1)) + ";").repeat(10)).append("\">");
        }
        Path xml = Files.writeString(tmp.resolve("lol.xml"), "<?xml version=\"1.0\"?>\n<!DOCTYPE dataset [" + entities
                + "]>\n<dataset><data class='x.Y' id='p_1'><field name='title'>&lol9;</field>"
                + "<field name='resume'>x</field></data></dataset>");

        long start = System.nanoTime();
        List<ReadOutcome> out = readAll(new HasApiXmlSource(xml));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(documents(out)).isEmpty();
        assertThat(failures(out)).singleElement().satisfies(f -> {
            assertThat(f.location()).startsWith("lol.xml");
            assertThat(f.reason()).contains("DOCTYPE").doesNotContain("lollol");
        });
    }

    @Test
    void badPublicationIsReportedAndTheOthersRead() throws IOException {
        Path xml = Files.writeString(tmp.resolve("page.xml"), """
                <?xml version='1.0' encoding='UTF-8' ?>
                <dataset><pager start="0" pagesize="3" total="3"/>
                <data class='generated.Presse' id='p_1'><field name='resume'>&lt;p&gt;sans titre&lt;/p&gt;</field></data>
                <data class='generated.Presse' id='p_2'><field name='title'>Vide</field></data>
                <data class='generated.FicheMemo' id='p_3'>
                  <field name='title'>Fiche  mémo</field>
                  <field name='pdate' time='1614677760000'>pas une date</field>
                  <field name='resume'>&lt;h2&gt;Points clés&lt;/h2&gt;&lt;ul&gt;&lt;li&gt;un&lt;ul&gt;&lt;li&gt;deux&lt;/li&gt;&lt;/ul&gt;&lt;/li&gt;&lt;/ul&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;p&gt;&lt;b&gt;En pratique&lt;/b&gt;&lt;/p&gt;&lt;table&gt;&lt;tr&gt;&lt;td&gt;a&lt;/td&gt;&lt;td&gt;b&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</field>
                </data>
                <scores><data id="p_3" score="0.0"/></scores>
                </dataset>
                """);

        List<ReadOutcome> out = readAll(new HasApiXmlSource(xml));

        assertThat(failures(out)).extracting(ReadOutcome.Failed::location).containsExactly("page.xml#p_1", "page.xml#p_2");
        assertThat(failures(out)).extracting(ReadOutcome.Failed::reason).containsExactly("publication has no title",
                "publication has no summary text (fields resume/resume1 empty)");
        SourceDocument d = documents(out).get(0);
        assertThat(d.id().toString()).isEqualTo("has:p_3");
        assertThat(d.title()).isEqualTo("Fiche mémo");
        assertThat(d.date()).isEqualTo("2021-03-02"); // from the time attribute, Paris time
        assertThat(d.metadata()).containsExactly(java.util.Map.entry("type", "FicheMemo"));
        assertThat(d.sections()).containsExactly(Section.of("Points clés", "un\ndeux"), Section.of("En pratique", "a | b"));
    }

    @Test
    void notWellFormedIsOneFailure() throws IOException {
        Path xml = Files.writeString(tmp.resolve("broken.xml"), "<dataset><data id='p_1'><field name='title'>x</data>");

        assertThat(failures(readAll(new HasApiXmlSource(xml)))).singleElement().satisfies(f -> {
            assertThat(f.location()).startsWith("broken.xml (line 1)");
            assertThat(f.reason()).startsWith("not well-formed XML");
        });
    }

    @Test
    void emptyAndMissingFilesAreOneFailure() throws IOException {
        Path empty = Files.createFile(tmp.resolve("empty.xml"));

        assertThat(readAll(new HasApiXmlSource(empty))).containsExactly(new ReadOutcome.Failed("empty.xml", "file is empty"));
        assertThat(failures(readAll(new HasApiXmlSource(tmp.resolve("missing.xml"))))).singleElement()
                .satisfies(f -> assertThat(f.reason()).startsWith("file not found"));
    }
}
