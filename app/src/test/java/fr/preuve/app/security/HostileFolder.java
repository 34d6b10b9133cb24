package fr.preuve.app.security;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Builds the hostile files of {@code security/files.jsonl} in a folder, each from its recipe. The text they carry is
 * real: the titles of two HAS recommendations from the demo corpus ({@code corpus-config/demo/has}); the recipes only
 * re-encode it, wrap it, link to it or make it hostile.
 */
final class HostileFolder {
    private static final Path DEMO = Path.of("").toAbsolutePath().getParent().resolve("corpus-config/demo");

    private HostileFolder() {
    }

    /** Real French text with accents: two HAS recommendation titles. */
    static String realText() throws IOException {
        String xml = Files.readString(DEMO.resolve("has/has_rest_RecommandationVaccinale_page0.xml"));
        Matcher m = Pattern.compile("<field name='title'>([^<]+)</field>").matcher(xml);
        List<String> titles = new ArrayList<>();
        while (m.find() && titles.size() < 2) {
            titles.add(m.group(1));
        }
        return String.join("\n\n", titles) + "\n";
    }

    /** Makes {@code c}'s file in {@code folder}; false when this machine cannot make it (no mkfifo). */
    static boolean make(Path folder, JsonNode c) throws Exception {
        Path file = folder.resolve(c.get("file").asText());
        Files.createDirectories(file.getParent());
        String recipe = c.get("recipe").asText();
        String kind = recipe.contains(":") ? recipe.substring(0, recipe.indexOf(':')) : recipe;
        String arg = recipe.contains(":") ? recipe.substring(recipe.indexOf(':') + 1) : "";
        String text = realText();
        switch (kind) {
            case "link" -> {
                Path outside = folder.getParent();
                Files.writeString(outside.resolve("outside.txt"), "SECRET-OUTSIDE of the folder\n");
                Files.createDirectories(outside.resolve("outside-dir"));
                Files.writeString(outside.resolve("outside-dir/note.txt"), "SECRET-OUTSIDE in another folder\n");
                Files.createSymbolicLink(file, Path.of(arg));
            }
            case "text" -> Files.write(file, text.getBytes(Charset.forName(arg)));
            case "text-cp1252" -> Files.write(file, (text + "\nInsuffisance cardiaque : le cœur, « priorisation », 5 €.\n")
                    .getBytes(Charset.forName(arg)));
            case "text-bom" -> {
                byte[] bom = arg.equalsIgnoreCase("utf-8") ? new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}
                        : new byte[] {(byte) 0xFF, (byte) 0xFE};
                try (OutputStream out = Files.newOutputStream(file)) {
                    out.write(bom);
                    out.write(text.getBytes(Charset.forName(arg)));
                }
            }
            case "html-meta" -> Files.write(file, ("<!doctype html><html><head><meta charset=\"" + arg + "\"><title>HAS</title>"
                    + "</head><body><p>" + text + "</p></body></html>").getBytes(Charset.forName(arg)));
            case "html-script" -> Files.writeString(file, "<!doctype html><html><head><title>HAS</title></head><body>"
                    + "<script>document.write('INJECTED-BY-SCRIPT')</script><p>" + text + "</p></body></html>");
            case "binary" -> {
                byte[] b = new byte[25_600];
                for (int i = 0; i < b.length; i++) {
                    b[i] = (byte) i;
                }
                Files.write(file, b);
            }
            case "empty" -> Files.write(file, new byte[0]);
            case "oversize" -> Files.writeString(file, text.repeat(Integer.parseInt(arg) / text.length() + 1));
            case "fifo" -> {
                try {
                    Process p = new ProcessBuilder("mkfifo", file.toString()).redirectErrorStream(true).start();
                    return p.waitFor() == 0;
                } catch (IOException e) {
                    return false;
                }
            }
            case "gzip-bomb" -> {
                try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
                    out.write("<?xml version=\"1.0\"?>\n<PubmedArticleSet>\n".getBytes(StandardCharsets.UTF_8));
                    byte[] spaces = " ".repeat(1 << 20).getBytes(StandardCharsets.US_ASCII);
                    for (long n = 0; n < Long.parseLong(arg); n += spaces.length) {
                        out.write(spaces);
                    }
                }
            }
            case "xml-laughs" -> {
                StringBuilder dtd = new StringBuilder("<!DOCTYPE PubmedArticleSet [<!ENTITY l0 \"lol\">");
                for (int i = 1; i <= 9; i++) {
                    dtd.append("<!ENTITY l").append(i).append(" \"").append(("&l" + (i - 1) + ";").repeat(10)).append("\">");
                }
                Files.writeString(file, "<?xml version=\"1.0\"?>\n" + dtd + "]>\n<PubmedArticleSet><PubmedArticle>"
                        + "<MedlineCitation><PMID>1</PMID><Article><ArticleTitle>&l9;</ArticleTitle></Article>"
                        + "</MedlineCitation></PubmedArticle></PubmedArticleSet>\n");
            }
            case "xml-xxe" -> Files.writeString(file, "<?xml version=\"1.0\"?>\n<!DOCTYPE PubmedArticleSet [<!ENTITY x "
                    + "SYSTEM \"file:///etc/passwd\">]>\n<PubmedArticleSet><PubmedArticle><MedlineCitation><PMID>2</PMID>"
                    + "<Article><ArticleTitle>&x;</ArticleTitle></Article></MedlineCitation></PubmedArticle>"
                    + "</PubmedArticleSet>\n");
            case "xml-deep" -> {
                int n = Integer.parseInt(arg);
                Files.writeString(file, "<?xml version=\"1.0\"?>\n<PubmedArticleSet>" + "<a>".repeat(n) + "x"
                        + "</a>".repeat(n) + "</PubmedArticleSet>\n");
            }
            case "pdf-pages" -> {
                try (PDDocument doc = new PDDocument()) {
                    for (int i = 0; i < Integer.parseInt(arg); i++) {
                        PDPage page = new PDPage();
                        doc.addPage(page);
                        if (i == 0) {
                            try (PDPageContentStream s = new PDPageContentStream(doc, page)) {
                                s.beginText();
                                s.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                                s.newLineAtOffset(72, 700);
                                s.showText(text.lines().findFirst().orElseThrow().substring(0, 60));
                                s.endText();
                            }
                        }
                    }
                    doc.save(file.toFile());
                }
            }
            case "pdf-truncated" -> {
                byte[] pdf = Files.readAllBytes(DEMO.resolve("who/who_emro_healthy_diet_WHO-EM-NUT-282-E.pdf"));
                Files.write(file, java.util.Arrays.copyOf(pdf, pdf.length * 2 / 5));
            }
            case "text-as-pdf" -> Files.writeString(file, text);
            default -> throw new IllegalArgumentException("unknown recipe '" + recipe + "' in case " + c.get("id"));
        }
        return true;
    }
}
