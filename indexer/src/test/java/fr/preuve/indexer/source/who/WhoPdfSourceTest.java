package fr.preuve.indexer.source.who;

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
import fr.preuve.indexer.source.pdf.PdfSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WhoPdfSourceTest {

    static final Path IPC = demo("who/who_ipc_core_components_guidelines_2016_9789241549929-eng.pdf");
    static final Path SCHISTO = demo("who/who_schistosomiasis_guideline_2022.pdf");
    static final Path MALARIA = demo("who/who_malaria_guidelines_2023.pdf");
    static final Path DIET = demo("who/who_emro_healthy_diet_WHO-EM-NUT-282-E.pdf");

    static final PdfSource.Meta IPC_META = new PdfSource.Meta("9789241549929",
            "Guidelines on core components of infection prevention and control programmes at the national and acute health care facility level",
            "2016", "https://iris.who.int/handle/10665/251730");

    private static final List<String> WORDS = List.of("alpha", "beta", "gamma", "delta");

    @TempDir
    Path tmp;

    private static SourceDocument read(Path pdf, PdfSource.Meta meta) {
        List<ReadOutcome> out = readAll(new WhoPdfSource(pdf, meta));
        assertThat(failures(out)).isEmpty();
        assertThat(documents(out)).hasSize(1);
        return documents(out).get(0);
    }

    private static Section page(SourceDocument d, int page) {
        return d.sections().stream().filter(s -> s.page() == page).findFirst().orElseThrow();
    }

    @Test
    void ipcGuideline() {
        SourceDocument d = read(IPC, IPC_META);

        assertThat(d.id().toString()).isEqualTo("who:9789241549929");
        assertThat(d.title()).startsWith("Guidelines on core components");
        assertThat(d.url()).isEqualTo("https://iris.who.int/handle/10665/251730");
        assertThat(d.sections()).hasSize(91);
        assertThat(d.sections()).extracting(Section::page).isSorted().doesNotHaveDuplicates();
        // the running header "NN Guidelines on Core Components of ... Level" is gone from every page
        assertThat(d.sections()).filteredOn(s -> s.page() > 1) // page 1 is the title page
                .noneSatisfy(s -> assertThat(s.text()).contains("Programmes at the National and Acute Health Care Facility Level"));
        Section p30 = page(d, 30);
        assertThat(p30.heading()).startsWith("Core component 1: Infection prevention and control programmes");
        assertThat(p30.text()).startsWith("Core component 1").contains("\nRECOMMENDATION\nThe panel recommends that an IPC programme")
                .contains("professionals are effective in reducing HAI");
        assertGolden("who-ipc-page30.json", render(d, s -> s.page() == 30));
    }

    @Test
    void schistosomiasisGuideline() {
        SourceDocument d = read(SCHISTO, new PdfSource.Meta("9789240041608",
                "WHO guideline on control and elimination of human schistosomiasis", "2022",
                "https://www.who.int/publications/i/item/9789240041608"));

        assertThat(d.sections()).extracting(Section::page).doesNotContain(2); // blank page
        Section p31 = page(d, 31);
        assertThat(p31.heading()).isEqualTo("2. Background on human schistosomiasis");
        assertThat(p31.text()).doesNotStartWith("7"); // printed page number removed
        assertGolden("who-schistosomiasis-page31.json", render(d, s -> s.page() == 31));
    }

    @Test
    void malariaGuidelineOf451Pages() {
        long start = System.nanoTime();
        SourceDocument d = read(MALARIA, new PdfSource.Meta("WHO-UCN-GMP-2023.01-Rev.1",
                "WHO guidelines for malaria, 16 October 2023", "2023-10-16", "https://app.magicapp.org/#/guideline/7099"));
        long ms = (System.nanoTime() - start) / 1_000_000;

        assertThat(d.sections().get(d.sections().size() - 1).page()).isLessThanOrEqualTo(451);
        assertThat(d.sections()).hasSizeGreaterThan(440);
        // footer "WHO guidelines for malaria - 16 October 2023 - World Health Organization (WHO)" and "N of 451" removed
        assertThat(d.sections()).noneSatisfy(s -> assertThat(s.text()).containsAnyOf(
                "16 October 2023 - World Health Organization (WHO)", " of 451"));
        Section p6 = page(d, 6);
        assertThat(p6.text()).contains("Pyrethroid-PBO ITNs instead of pyrethroid-only LLINs can be deployed");
        assertGolden("who-malaria-page6.json", render(d, s -> s.page() == 6));
        System.out.println("malaria PDF: " + d.sections().size() + " pages with text, parsed in " + ms + " ms");
    }

    @Test
    void healthyDietLeaflet() {
        SourceDocument d = read(DIET, new PdfSource.Meta("WHO-EM-NUT-282-E", "Healthy diet", "2019", null));

        assertThat(d.sections()).extracting(Section::page).doesNotContain(2, 6);
        Section p14 = page(d, 14);
        assertThat(p14.heading()).isEqualTo("Fruits and vegetables");
        assertThat(p14.text()).contains("\n• always include vegetables in your meals\n");
        assertGolden("who-healthy-diet-page14.json", render(d, s -> s.page() == 14));
    }

    @Test
    void pageRangeAndMetadata() {
        List<ReadOutcome> out = readAll(new WhoPdfSource(IPC, IPC_META.withPages(30, 31), Map.of("isbn", "978-92-4-154992-9")));

        SourceDocument d = documents(out).get(0);
        assertThat(d.sections()).extracting(Section::page).containsExactly(30, 31);
        assertThat(d.metadata()).containsExactly(Map.entry("isbn", "978-92-4-154992-9"));
    }

    @Test
    void syntheticPdfHeadersHyphenationAndParagraphs() throws IOException {
        Path pdf = tmp.resolve("synthetic.pdf");
        try (PDDocument doc = new PDDocument()) {
            for (int p = 1; p <= 4; p++) {
                String w = WORDS.get(p - 1);
                addPage(doc, List.of(
                        "Synthetic guideline on hand hygiene " + (p + 10),
                        "",
                        "Hand hygiene, " + w + ", is the single most important measure to pre-",
                        "vent infections in " + w + " care units. It is a cost-",
                        "effective intervention that every " + w + " facility should adopt",
                        "without delay.",
                        "",
                        "Second paragraph, " + w + ": a cost-effective measure.",
                        "",
                        "- " + p + " -"));
            }
            addPage(doc, List.of()); // an image-only page: no text
            doc.save(pdf.toFile());
        }

        SourceDocument d = read(pdf, new PdfSource.Meta(null, null, null, null));

        assertThat(d.id().toString()).isEqualTo("who:synthetic");
        assertThat(d.title()).isEqualTo("synthetic");
        assertThat(d.sections()).extracting(Section::page).containsExactly(1, 2, 3, 4);
        assertThat(d.sections()).allSatisfy(s -> {
            String w = WORDS.get(s.page() - 1);
            assertThat(s.text()).isEqualTo("Hand hygiene, " + w + ", is the single most important measure to prevent "
                    + "infections in " + w + " care units. It is a cost-effective intervention that every " + w
                    + " facility should adopt without delay.\n"
                    + "Second paragraph, " + w + ": a cost-effective measure.");
        });
    }

    @Test
    void encryptedPdfNeedingAPasswordFails() throws IOException {
        Path pdf = tmp.resolve("locked.pdf");
        try (PDDocument doc = new PDDocument()) {
            addPage(doc, List.of("Secret text"));
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-pw", "user-pw", new AccessPermission());
            policy.setEncryptionKeyLength(256);
            doc.protect(policy);
            doc.save(pdf.toFile());
        }

        assertThat(readAll(new WhoPdfSource(pdf, IPC_META)))
                .containsExactly(new ReadOutcome.Failed("locked.pdf", "PDF is encrypted (a password is needed to open it)"));
        // the next PDF still reads
        assertThat(documents(readAll(new WhoPdfSource(IPC, IPC_META.withPages(30, 30))))).hasSize(1);
    }

    @Test
    void encryptedPdfForbiddingExtractionFails() throws IOException {
        Path pdf = tmp.resolve("no-copy.pdf");
        try (PDDocument doc = new PDDocument()) {
            addPage(doc, List.of("Protected text"));
            AccessPermission perms = new AccessPermission();
            perms.setCanExtractContent(false);
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-pw", "", perms);
            policy.setEncryptionKeyLength(128);
            doc.protect(policy);
            doc.save(pdf.toFile());
        }

        assertThat(failures(readAll(new WhoPdfSource(pdf, IPC_META)))).singleElement().satisfies(f -> {
            assertThat(f.location()).isEqualTo("no-copy.pdf");
            assertThat(f.reason()).startsWith("PDF is encrypted");
        });
    }

    @Test
    void randomBytesAreNotAPdf() throws IOException {
        byte[] bytes = new byte[64];
        new Random(42).nextBytes(bytes);
        bytes[0] = 'G';
        Path pdf = Files.write(tmp.resolve("random.pdf"), bytes);

        assertThat(failures(readAll(new WhoPdfSource(pdf, IPC_META)))).singleElement().satisfies(f -> {
            assertThat(f.location()).isEqualTo("random.pdf");
            assertThat(f.reason()).startsWith("not a PDF: the file does not start with %PDF-");
        });
    }

    @Test
    void truncatedPdfFails() throws IOException {
        byte[] real = Files.readAllBytes(DIET);
        Path pdf = Files.write(tmp.resolve("truncated.pdf"), java.util.Arrays.copyOf(real, 2000));

        List<ReadOutcome> out = readAll(new WhoPdfSource(pdf, IPC_META));

        assertThat(documents(out)).isEmpty();
        assertThat(failures(out)).singleElement().satisfies(f -> {
            assertThat(f.location()).isEqualTo("truncated.pdf");
            assertThat(f.reason()).startsWith("corrupt or unreadable PDF: ");
        });
    }

    @Test
    void emptyMissingAndTextlessFilesFail() throws IOException {
        Path empty = Files.createFile(tmp.resolve("empty.pdf"));
        assertThat(readAll(new WhoPdfSource(empty, IPC_META))).containsExactly(new ReadOutcome.Failed("empty.pdf", "file is empty"));

        assertThat(failures(readAll(new WhoPdfSource(tmp.resolve("missing.pdf"), IPC_META)))).singleElement()
                .satisfies(f -> assertThat(f.reason()).startsWith("file not found"));

        Path blank = tmp.resolve("blank.pdf");
        try (PDDocument doc = new PDDocument()) {
            addPage(doc, List.of());
            doc.save(blank.toFile());
        }
        assertThat(failures(readAll(new WhoPdfSource(blank, IPC_META)))).singleElement()
                .satisfies(f -> assertThat(f.reason()).startsWith("PDF has no extractable text"));
    }

    @Test
    void pageRangeOutsideTheDocumentFails() {
        assertThat(failures(readAll(new WhoPdfSource(DIET, new PdfSource.Meta("x", "x", null, null, "en", 50, 60)))))
                .singleElement().satisfies(f -> assertThat(f.reason()).contains("outside the PDF's 20 pages"));
    }

    /** A page with one line of text per entry (empty entry = blank line), 11 pt Helvetica. */
    private static void addPage(PDDocument doc, List<String> lines) throws IOException {
        PDPage page = new PDPage();
        doc.addPage(page);
        if (lines.isEmpty()) {
            return;
        }
        PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
            float y = 740;
            for (String line : lines) {
                if (!line.isEmpty()) {
                    cs.beginText();
                    cs.setFont(font, 11);
                    cs.newLineAtOffset(72, y);
                    cs.showText(line);
                    cs.endText();
                }
                y -= 14;
            }
        }
    }
}
