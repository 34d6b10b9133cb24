package fr.preuve.indexer.source.local;

import static fr.preuve.indexer.source.golden.GoldenFiles.documents;
import static fr.preuve.indexer.source.golden.GoldenFiles.failures;
import static fr.preuve.indexer.source.golden.GoldenFiles.readAll;
import static org.assertj.core.api.Assertions.assertThat;

import fr.preuve.core.doc.Section;
import fr.preuve.core.doc.SourceDocument;
import fr.preuve.indexer.source.ReadOutcome;
import fr.preuve.indexer.source.golden.GoldenFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalFolderSourceTest {

    static final Path RES = GoldenFiles.moduleDir().resolve("src/test/resources");

    @TempDir
    Path dir;

    @Test
    void readsEachKindDetectedByContentAndReportsEachBadFile() throws Exception {
        // real files, some under misleading names
        Files.copy(RES.resolve("replay/has_tdah_2024_annexe1_excerpt.pdf"), dir.resolve("tdah.pdf"));
        Files.copy(RES.resolve("pubmed/pubmed1.xml"), dir.resolve("export.dat"));
        Files.createDirectories(dir.resolve("pmc"));
        Files.copy(RES.resolve("jats/pone.0046493.nxml"), dir.resolve("pmc/article.xml"));
        Files.copy(GoldenFiles.demo("has/has_rest_RecommandationVaccinale_page0.xml"), dir.resolve("has.xml"));
        Files.writeString(dir.resolve("notes.md"), "# Diabète gestationnel\n\nDépistage entre 24 et 28 SA.\n\n## Suivi\n\nGlycémie à jeun.\n");
        Files.writeString(dir.resolve("memo.txt"), "Rappel vaccinal\n\nTexte libre du service.\n");
        Files.writeString(dir.resolve("page.html"), "<!DOCTYPE html><html lang=\"fr\"><head><title>Protocole</title>"
                + "<script>var x = 'SCRIPT';</script></head><body><nav>Menu</nav><main><h2>Indications</h2><p>Texte du protocole.</p></main></body></html>");
        // bad files
        Files.createFile(dir.resolve("empty.txt"));
        byte[] gz = Files.readAllBytes(RES.resolve("pubmed/pubmed20n1016.xml.gz"));
        Files.write(dir.resolve("truncated.xml.gz"), Arrays.copyOf(gz, gz.length / 2));
        Files.writeString(dir.resolve("fake.pdf"), "<html>not a pdf</html>");
        Files.writeString(dir.resolve("xxe.xml"), "<?xml version=\"1.0\"?>\n<!DOCTYPE dataset [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
                + "<dataset><data id='p_1' class='x.Y'><field name='title'>&x;</field></data></dataset>");
        Files.writeString(dir.resolve("scripts.html"), "<html><body><script>alert(1)</script><nav>Menu</nav></body></html>");
        Files.write(dir.resolve("image.bin"), new byte[] {0, 1, 2, (byte) 0xFF, 0});
        Files.writeString(dir.resolve(".hidden.txt"), "skipped");

        List<ReadOutcome> out = readAll(new LocalFolderSource(dir, "fr"));

        List<SourceDocument> docs = documents(out);
        assertThat(docs).extracting(d -> d.id().toString()).contains("local:tdah.pdf", "pubmed:12091962", "pubmed:9997",
                "pmc:PMC3460867", "has:p_3240117", "has:p_3240075", "local:notes.md", "local:memo.txt", "local:page.html");
        SourceDocument pdf = docs.stream().filter(d -> d.id().toString().equals("local:tdah.pdf")).findFirst().orElseThrow();
        assertThat(pdf.sections()).extracting(Section::page).containsExactly(1, 2);
        assertThat(pdf.language()).isEqualTo("fr");
        SourceDocument md = docs.stream().filter(d -> d.id().toString().equals("local:notes.md")).findFirst().orElseThrow();
        assertThat(md.title()).isEqualTo("Diabète gestationnel");
        assertThat(md.sections()).containsExactly(Section.of("Diabète gestationnel", "Dépistage entre 24 et 28 SA."),
                Section.of("Suivi", "Glycémie à jeun."));
        SourceDocument html = docs.stream().filter(d -> d.id().toString().equals("local:page.html")).findFirst().orElseThrow();
        assertThat(html.text()).isEqualTo("Texte du protocole.").doesNotContain("SCRIPT", "Menu");
        assertThat(docs).as("the truncated gzip's first articles are kept").anySatisfy(d -> assertThat(d.id().toString()).startsWith("pubmed:3"));

        assertThat(failures(out)).extracting(f -> f.location().split("[ #]")[0]).containsExactlyInAnyOrder(
                "empty.txt", "fake.pdf", "image.bin", "scripts.html", "truncated.xml.gz", "xxe.xml");
        assertThat(failures(out)).allSatisfy(f -> assertThat(f.reason()).isNotBlank().doesNotContain("root:"));
        assertThat(reason(out, "empty.txt")).isEqualTo("file is empty");
        assertThat(reason(out, "fake.pdf")).startsWith("not a PDF");
        assertThat(reason(out, "xxe.xml")).contains("DOCTYPE");
        assertThat(reason(out, "scripts.html")).contains("no text");
        assertThat(reason(out, "image.bin")).startsWith("unrecognised file type");
        assertThat(reason(out, "truncated.xml.gz")).containsIgnoringCase("truncated");
    }

    private static String reason(List<ReadOutcome> out, String file) {
        return failures(out).stream().filter(f -> f.location().startsWith(file)).findFirst().orElseThrow().reason();
    }
}
