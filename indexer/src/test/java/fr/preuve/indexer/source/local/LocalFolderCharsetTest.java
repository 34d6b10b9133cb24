package fr.preuve.indexer.source.local;

import static fr.preuve.indexer.source.golden.GoldenFiles.documents;
import static fr.preuve.indexer.source.golden.GoldenFiles.failures;
import static fr.preuve.indexer.source.golden.GoldenFiles.readAll;
import static org.assertj.core.api.Assertions.assertThat;

import fr.preuve.core.doc.Section;
import fr.preuve.core.doc.SourceDocument;
import fr.preuve.indexer.source.ReadOutcome;
import fr.preuve.indexer.source.golden.GoldenFiles;
import fr.preuve.indexer.source.has.HasApiXmlSource;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Text and HTML files of a local folder are read in their own charset: real French (the HAS recommendation on COVID-19
 * vaccination of the demo corpus) saved as Windows-1252, Latin-1, UTF-16 or UTF-8 gives the same document, accents
 * included; binary content is refused by name.
 */
class LocalFolderCharsetTest {

    private static final Charset CP1252 = Charset.forName("windows-1252");

    /** The summary of HAS publication p_3240117, one paragraph per section. */
    private static String french;

    @TempDir
    Path dir;

    @BeforeAll
    static void realFrench() {
        List<ReadOutcome> has = readAll(new HasApiXmlSource(GoldenFiles.demo("has/has_rest_RecommandationVaccinale_page0.xml")));
        SourceDocument doc = documents(has).stream().filter(d -> d.id().nativeId().equals("p_3240117")).findFirst().orElseThrow();
        french = doc.sections().stream().map(Section::text).collect(Collectors.joining("\n\n")) + "\n";
        assertThat(french).contains("l’évolution des connaissances", "stratégie vaccinale", "priorisation");
    }

    @Test
    void windows1252AndLatin1FrenchTextIsIndexedWithItsAccents() throws Exception {
        String latin1 = only(french, StandardCharsets.ISO_8859_1.newEncoder());
        Files.write(dir.resolve("utf8.txt"), french.getBytes(StandardCharsets.UTF_8));
        Files.write(dir.resolve("cp1252.txt"), french.getBytes(CP1252));
        Files.write(dir.resolve("latin1.txt"), latin1.getBytes(StandardCharsets.ISO_8859_1));
        Files.write(dir.resolve("latin1-ref.md"), latin1.getBytes(StandardCharsets.UTF_8));
        assertThat(latin1).contains("l'évolution des connaissances").isNotEqualTo(french);

        List<ReadOutcome> out = readAll(new LocalFolderSource(dir, "fr"));

        assertThat(failures(out)).isEmpty();
        SourceDocument utf8 = doc(out, "utf8.txt");
        assertThat(doc(out, "cp1252.txt").sections()).isEqualTo(utf8.sections());
        assertThat(doc(out, "cp1252.txt").text()).contains("l’évolution des connaissances", "stratégie vaccinale");
        assertThat(doc(out, "latin1.txt").sections()).isEqualTo(doc(out, "latin1-ref.md").sections());
        assertThat(doc(out, "latin1.txt").text()).contains("l'évolution des connaissances").doesNotContain("\uFFFD", "Ã©");
    }

    @Test
    void byteOrderMarksAndHtmlMetaCharsetsAreObeyed() throws Exception {
        String passage = french.substring(0, french.indexOf("\n\n"));
        Files.write(dir.resolve("utf16.txt"), concat(new byte[] {(byte) 0xFF, (byte) 0xFE},
                passage.getBytes(StandardCharsets.UTF_16LE)));
        Files.write(dir.resolve("bom-utf8.txt"), concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                passage.getBytes(StandardCharsets.UTF_8)));
        String html = "<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"windows-1252\"><title>Vaccination</title></head>"
                + "<body><main><h2>Stratégie</h2><p>" + passage + "</p></main></body></html>";
        Files.write(dir.resolve("meta.html"), html.getBytes(CP1252));
        Files.write(dir.resolve("no-meta.html"), html.replace("<meta charset=\"windows-1252\">", "").getBytes(CP1252));

        List<ReadOutcome> out = readAll(new LocalFolderSource(dir, "fr"));

        assertThat(failures(out)).isEmpty();
        assertThat(doc(out, "utf16.txt").text()).isEqualTo(passage);
        assertThat(doc(out, "bom-utf8.txt").text()).isEqualTo(passage);
        assertThat(doc(out, "meta.html").sections()).containsExactly(Section.of("Stratégie", passage));
        assertThat(doc(out, "no-meta.html").sections()).as("detected").containsExactly(Section.of("Stratégie", passage));
    }

    @Test
    void binaryContentIsRefusedWithAClearReason() throws Exception {
        byte[] noise = new byte[20_000];
        new Random(42).nextBytes(noise);
        for (int i = 0; i < noise.length; i++) {
            noise[i] = noise[i] == 0 ? 1 : noise[i]; // no NUL byte: the control characters give it away
        }
        Files.write(dir.resolve("noise.txt"), noise);
        Files.write(dir.resolve("nul.txt"), concat("Rappel vaccinal ".getBytes(StandardCharsets.UTF_8), new byte[] {0, 0, 0}));
        Files.writeString(dir.resolve("memo.txt"), "Rappel vaccinal\n");

        List<ReadOutcome> out = readAll(new LocalFolderSource(dir, "fr"));

        assertThat(documents(out)).extracting(d -> d.id().toString()).containsExactly("local:memo.txt");
        assertThat(failures(out)).extracting(ReadOutcome.Failed::location).containsExactly("noise.txt", "nul.txt");
        assertThat(failures(out)).allSatisfy(f -> assertThat(f.reason())
                .isEqualTo("unrecognised file type: binary content (NUL bytes or control characters), not text"));
    }

    private static SourceDocument doc(List<ReadOutcome> out, String file) {
        return documents(out).stream().filter(d -> d.id().nativeId().equals(file)).findFirst().orElseThrow();
    }

    /** {@code text} with every character the encoder cannot write replaced by an apostrophe (’ → '). */
    private static String only(String text, CharsetEncoder encoder) {
        StringBuilder b = new StringBuilder();
        text.chars().forEach(c -> b.append(encoder.canEncode((char) c) ? (char) c : '\''));
        return b.toString();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(a);
        out.writeBytes(b);
        return out.toByteArray();
    }
}
