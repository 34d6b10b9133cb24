package fr.preuve.indexer.source.pdf;

import static fr.preuve.indexer.source.golden.GoldenFiles.documents;
import static fr.preuve.indexer.source.golden.GoldenFiles.failures;
import static fr.preuve.indexer.source.golden.GoldenFiles.readAll;
import static org.assertj.core.api.Assertions.assertThat;

import fr.preuve.core.doc.Section;
import fr.preuve.core.doc.SourceDocument;
import fr.preuve.core.doc.SourceKind;
import fr.preuve.indexer.source.InputLimits;
import fr.preuve.indexer.source.ReadOutcome;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.DeflaterOutputStream;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceRGB;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** PDFs built to exhaust the indexer: thousands of pages are cut at the page cap, a gigantic image is never decoded. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class HostilePdfTest {

    private static final String[] WORDS = {"glycémie", "insuline", "dépistage", "grossesse", "régime", "surveillance",
        "hémoglobine", "métformine", "échographie", "accouchement"};

    @TempDir
    Path tmp;

    /** A sentence per page, distinct on every page (no running header for the cleaner to remove). */
    private static String sentence(int page) {
        StringBuilder b = new StringBuilder("Le suivi comprend");
        for (int n = page; n > 0; n /= 10) {
            b.append(' ').append(WORDS[n % 10]);
        }
        return b.append(" chaque semaine.").toString();
    }

    private static void text(PDPageContentStream c, String s) throws IOException {
        c.beginText();
        c.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
        c.newLineAtOffset(72, 700);
        c.showText(s);
        c.endText();
    }

    @Test
    void aPdfOfThousandsOfPagesIsReadUpToTheCapAndTheRestIsReported() throws Exception {
        Path pdf = tmp.resolve("pages.pdf");
        try (PDDocument doc = new PDDocument()) {
            for (int p = 1; p <= 2500; p++) {
                PDPage page = new PDPage();
                doc.addPage(page);
                try (PDPageContentStream c = new PDPageContentStream(doc, page)) {
                    text(c, sentence(p));
                }
            }
            doc.save(pdf.toFile());
        }

        List<ReadOutcome> out = readAll(new PdfSource(pdf, SourceKind.LOCAL, null, null));

        SourceDocument d = documents(out).getFirst();
        assertThat(d.sections()).hasSize(InputLimits.DEFAULTS.maxPdfPages()).extracting(Section::page)
                .startsWith(1, 2, 3).endsWith(1999, 2000);
        assertThat(d.sections().get(1499).text()).isEqualTo(sentence(1500));
        assertThat(failures(out)).singleElement().isEqualTo(new ReadOutcome.Failed("pages.pdf#page=2001",
                "pages 2001-2500 not read: over the cap of 2000 pages per PDF (the PDF has 2500)"));
    }

    @Test
    void aPageRangeCountsTowardsTheCapFromItsFirstPage() throws Exception {
        Path pdf = tmp.resolve("range.pdf");
        try (PDDocument doc = new PDDocument()) {
            for (int p = 1; p <= 12; p++) {
                PDPage page = new PDPage();
                doc.addPage(page);
                try (PDPageContentStream c = new PDPageContentStream(doc, page)) {
                    text(c, sentence(p));
                }
            }
            doc.save(pdf.toFile());
        }
        PdfSource.Meta meta = PdfSource.Meta.fromFile().withPages(3, 11);

        List<ReadOutcome> out = readAll(new PdfSource(pdf, SourceKind.LOCAL, meta, null,
                InputLimits.DEFAULTS.withMaxPdfPages(5)));

        assertThat(documents(out).getFirst().sections()).extracting(Section::page).containsExactly(3, 4, 5, 6, 7);
        assertThat(failures(out)).extracting(ReadOutcome.Failed::reason)
                .containsExactly("pages 8-11 not read: over the cap of 5 pages per PDF (the PDF has 12)");
    }

    @Test
    void aGiganticImageIsNotDecodedWhileTheTextIsExtracted() throws Exception {
        // 40,000 x 40,000 RGB: 4.8 GB once decoded, 10 MB of zeros compressed to a few kilobytes on disk
        ByteArrayOutputStream deflated = new ByteArrayOutputStream();
        try (OutputStream z = new DeflaterOutputStream(deflated)) {
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 10; i++) {
                z.write(zeros);
            }
        }
        Path pdf = tmp.resolve("image.pdf");
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            PDImageXObject image = new PDImageXObject(doc, new ByteArrayInputStream(deflated.toByteArray()),
                    COSName.FLATE_DECODE, 40_000, 40_000, 8, PDDeviceRGB.INSTANCE);
            try (PDPageContentStream c = new PDPageContentStream(doc, page)) {
                c.drawImage(image, 0, 0, 600, 600);
                text(c, sentence(42));
            }
            doc.save(pdf.toFile());
        }

        List<ReadOutcome> out = readAll(new PdfSource(pdf, SourceKind.LOCAL, null, null));

        assertThat(failures(out)).isEmpty();
        assertThat(documents(out).getFirst().text()).isEqualTo(sentence(42));
    }
}
