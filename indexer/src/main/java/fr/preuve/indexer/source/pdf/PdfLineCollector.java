package fr.preuve.indexer.source.pdf;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDFontDescriptor;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * PDFBox text extraction that keeps, for each output line, its average font size, whether it is bold and whether
 * PDFBox saw a paragraph start there: what {@link PdfPageCleaner} needs to find headings and paragraph breaks.
 */
final class PdfLineCollector extends PDFTextStripper {

    /** One extracted line, as PDFBox wrote it. */
    record RawLine(String text, float size, boolean bold, boolean paragraphStart) {
    }

    private final List<RawLine> lines = new ArrayList<>();
    private final StringBuilder current = new StringBuilder();
    private final Map<PDFont, Boolean> boldFonts = new IdentityHashMap<>();
    private double sizeSum;
    private int chars;
    private int boldChars;
    private boolean pendingParagraph;

    PdfLineCollector() {
        setSortByPosition(false);
        setSuppressDuplicateOverlappingText(true);
    }

    /** The lines of one 1-based page. */
    List<RawLine> page(PDDocument document, int page) throws IOException {
        lines.clear();
        resetLine();
        pendingParagraph = false;
        setStartPage(page);
        setEndPage(page);
        writeText(document, Writer.nullWriter());
        endLine();
        return List.copyOf(lines);
    }

    @Override
    protected void writeString(String text, List<TextPosition> positions) {
        current.append(text);
        for (TextPosition tp : positions) {
            float size = tp.getFontSizeInPt();
            if (!(size > 0) || Float.isInfinite(size)) {
                size = tp.getHeight();
            }
            if (size > 0 && size < 500) {
                sizeSum += size;
                chars++;
                if (isBold(tp.getFont())) {
                    boldChars++;
                }
            }
        }
    }

    @Override
    protected void writeString(String text) {
        current.append(text);
    }

    @Override
    protected void writeWordSeparator() {
        current.append(' ');
    }

    @Override
    protected void writeLineSeparator() {
        endLine();
    }

    @Override
    protected void writeParagraphStart() {
        endLine();
        pendingParagraph = true;
    }

    @Override
    protected void writeParagraphEnd() {
        endLine();
    }

    @Override
    protected void writePageStart() {
        endLine();
    }

    @Override
    protected void writePageEnd() {
        endLine();
    }

    private void endLine() {
        if (!current.toString().isBlank()) {
            float size = chars == 0 ? 0f : (float) (sizeSum / chars);
            boolean bold = chars > 0 && boldChars * 5 >= chars * 4;
            lines.add(new RawLine(current.toString(), size, bold, pendingParagraph));
            pendingParagraph = false;
        }
        resetLine();
    }

    private void resetLine() {
        current.setLength(0);
        sizeSum = 0;
        chars = 0;
        boldChars = 0;
    }

    private boolean isBold(PDFont font) {
        if (font == null) {
            return false;
        }
        return boldFonts.computeIfAbsent(font, f -> {
            String name = f.getName() == null ? "" : f.getName().toLowerCase(Locale.ROOT);
            if (name.contains("bold") || name.contains("black") || name.contains("heavy") || name.contains("semibold")
                    || name.contains("demi")) {
                return true;
            }
            PDFontDescriptor d = f.getFontDescriptor();
            return d != null && (d.isForceBold() || d.getFontWeight() >= 600);
        });
    }
}
