package fr.preuve.indexer.source.bdpm;

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
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BdpmOpinionSourceTest {

    private static final Path REAL = demo("bdpm");
    private static final Charset CP1252 = Charset.forName("windows-1252");
    private static List<ReadOutcome> all;

    @TempDir
    Path tmp;

    @BeforeAll
    static void readRealFiles() {
        all = readAll(new BdpmOpinionSource(REAL, BdpmOpinionSource.Options.all()));
    }

    /** CT ids counted the simple way, straight from the two files. */
    private static Set<String> distinctCtIds() throws IOException {
        Set<String> ids = new HashSet<>();
        for (String f : List.of(BdpmOpinionSource.SMR_FILE, BdpmOpinionSource.ASMR_FILE)) {
            for (String line : Files.readAllLines(REAL.resolve(f), CP1252)) {
                if (!line.isBlank()) {
                    ids.add(line.split("\t")[1]);
                }
            }
        }
        return ids;
    }

    @Test
    void oneDocumentPerDistinctCtId() throws IOException {
        Set<String> expected = distinctCtIds();

        assertThat(failures(all)).isEmpty();
        List<SourceDocument> docs = documents(all);
        assertThat(expected).hasSize(7477);
        assertThat(docs).hasSize(expected.size());
        assertThat(docs).extracting(d -> d.id().nativeId()).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(docs).allSatisfy(d -> {
            assertThat(d.language()).isEqualTo("fr");
            assertThat(d.metadata()).containsEntry("type", "AvisCT").containsKeys("motif", "cis");
            assertThat(d.title()).startsWith("Avis de la Commission de la transparence");
            assertThat(d.text()).doesNotContain("\u0092", "â€™", "<br>", "\uFFFD");
        });
        // newest first
        assertThat(docs).extracting(SourceDocument::date).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(docs).filteredOn(d -> d.url() != null).allSatisfy(d -> assertThat(d.url()).startsWith("https://www.has-sante.fr/jcms/"));
    }

    @Test
    void goldenOpinionWithApostrophes() {
        SourceDocument d = byId("CT-19691");

        assertThat(d.title()).isEqualTo("Avis de la Commission de la transparence : GLIMEZIT (metformine) – Inscription (CT), 9 février 2022");
        assertThat(d.date()).isEqualTo("2022-02-09");
        assertThat(d.text()).contains("l’exercice physique", "n’apporte pas d’amélioration");
        assertGolden("bdpm-CT-19691.json", render(d));
    }

    @Test
    void goldenOpinionWithSeveralProductsQuotesAndLineBreaks() {
        SourceDocument d = byId("CT-19469");

        assertThat(d.title()).isEqualTo("Avis de la Commission de la transparence : PRALUENT (alirocumab) – Réévaluation SMR, 8 décembre 2021");
        assertThat(d.url()).isEqualTo("https://www.has-sante.fr/jcms/p_3313574");
        assertThat(d.metadata().get("cis").split("; ")).hasSize(3);
        // the same ASMR text was given for the three CIS codes: kept once; the stray quotes are gone
        assertThat(d.sections()).hasSize(2);
        assertThat(d.sections().get(1).text()).startsWith("Compte tenu :\n- Des données").doesNotContain("\"")
                .containsOnlyOnce("Compte tenu");
        assertGolden("bdpm-CT-19469.json", render(d));
    }

    @Test
    void limitKeepsTheNewestAndSinceFilters() {
        List<SourceDocument> newest = documents(readAll(new BdpmOpinionSource(REAL, new BdpmOpinionSource.Options(null, 5))));
        assertThat(newest).hasSize(5);
        assertThat(newest).extracting(d -> d.id().toString()).containsExactlyElementsOf(
                documents(all).subList(0, 5).stream().map(d -> d.id().toString()).toList());
        assertThat(newest.get(0).date()).isEqualTo("2022-02-09");

        List<SourceDocument> recent = documents(readAll(new BdpmOpinionSource(REAL,
                new BdpmOpinionSource.Options(LocalDate.of(2022, 1, 1), null))));
        assertThat(recent).isNotEmpty().allSatisfy(d -> assertThat(d.date()).isGreaterThanOrEqualTo("2022-01-01"));
        assertThat(documents(all)).filteredOn(d -> d.date().compareTo("2022-01-01") >= 0).hasSize(recent.size());
    }

    @Test
    void malformedLinesAreReportedWithFileAndLineAndTheRestIsRead() throws IOException {
        write(BdpmOpinionSource.SMR_FILE,
                "60000001\tCT-1\tInscription (CT)\t20220105\tImportant\t\" Le SMR de TESTOL est important chez l\u2019adulte. \"",
                "60000001\tCT-2\tInscription (CT)\t20220105\tImportant",
                "60000002\tCT-3\tInscription (CT)\t20221305\tFaible\tTexte.",
                "60000003\tCT-1\tInscription (CT)\t20220105\tImportant\tLe SMR de TESTOL est important chez l\u2019adulte.",
                "",
                "60000003\tCT-4\tExtension d'indication\t20210101\tModéré\tPremière ligne<br>- seconde \"ligne\"");
        write(BdpmOpinionSource.ASMR_FILE,
                "60000001\tCT-1\tInscription (CT)\t20220105\tV\tCette spécialité n\u2019apporte pas d\u2019ASMR (ASMR V).");
        write(BdpmOpinionSource.LINKS_FILE, "CT-1\thttps://www.has-sante.fr/jcms/p_1");
        write(BdpmOpinionSource.PRODUCTS_FILE,
                "60000001\tTESTOL 10 mg, comprimé\tcomprimé\torale",
                "60000003\tTESTOL 20 mg, comprimé\tcomprimé\torale");

        List<ReadOutcome> out = readAll(new BdpmOpinionSource(tmp, BdpmOpinionSource.Options.all()));

        assertThat(failures(out)).containsExactly(
                new ReadOutcome.Failed("CIS_HAS_SMR_bdpm.txt:2", "expected 6 tab-separated columns, found 5"),
                new ReadOutcome.Failed("CIS_HAS_SMR_bdpm.txt:3", "bad date '20221305' (expected yyyymmdd)"));
        List<SourceDocument> docs = documents(out);
        assertThat(docs).extracting(d -> d.id().toString()).containsExactly("has:CT-1", "has:CT-4");
        SourceDocument ct1 = docs.get(0);
        assertThat(ct1.title()).isEqualTo("Avis de la Commission de la transparence : TESTOL – Inscription (CT), 5 janvier 2022");
        assertThat(ct1.url()).isEqualTo("https://www.has-sante.fr/jcms/p_1");
        assertThat(ct1.metadata()).containsEntry("cis", "60000001; 60000003").containsEntry("smr", "Important")
                .containsEntry("asmr", "V");
        assertThat(ct1.sections()).containsExactly(
                Section.of("Service médical rendu (SMR) : Important", "Le SMR de TESTOL est important chez l’adulte."),
                Section.of("Amélioration du service médical rendu (ASMR) : V", "Cette spécialité n’apporte pas d’ASMR (ASMR V)."));
        SourceDocument ct4 = docs.get(1);
        assertThat(ct4.url()).isNull();
        assertThat(ct4.title()).isEqualTo("Avis de la Commission de la transparence : TESTOL – Extension d'indication, 1er janvier 2021");
        assertThat(ct4.sections()).containsExactly(
                Section.of("Service médical rendu (SMR) : Modéré", "Première ligne\n- seconde \"ligne\""));
    }

    @Test
    void missingFilesAreReportedOnceAndTheOthersRead() throws IOException {
        write(BdpmOpinionSource.SMR_FILE, "60000001\tCT-1\tInscription (CT)\t20220105\tImportant\tTexte du SMR.");
        Files.createFile(tmp.resolve(BdpmOpinionSource.LINKS_FILE));

        List<ReadOutcome> out = readAll(new BdpmOpinionSource(tmp, null));

        assertThat(failures(out)).extracting(ReadOutcome.Failed::location)
                .containsExactly("CIS_HAS_ASMR_bdpm.txt", "HAS_LiensPageCT_bdpm.txt", "CIS_bdpm.txt");
        assertThat(failures(out)).extracting(ReadOutcome.Failed::reason)
                .satisfiesExactly(r -> assertThat(r).startsWith("file not found"), r -> assertThat(r).isEqualTo("file is empty"),
                        r -> assertThat(r).startsWith("file not found"));
        assertThat(documents(out)).singleElement().satisfies(d -> {
            assertThat(d.title()).isEqualTo("Avis de la Commission de la transparence CT-1 – Inscription (CT), 5 janvier 2022");
            assertThat(d.url()).isNull();
        });
    }

    @Test
    void missingDirectoryIsOneFailure() {
        List<ReadOutcome> out = readAll(new BdpmOpinionSource(tmp.resolve("nope"), null));

        assertThat(out).singleElement().isInstanceOfSatisfying(ReadOutcome.Failed.class,
                f -> assertThat(f.reason()).isEqualTo("BDPM directory not found"));
    }

    @Test
    void helpers() {
        assertThat(BdpmFiles.unquote("\" Le texte \"avec\" guillemets \"")).isEqualTo("Le texte \"avec\" guillemets");
        assertThat(BdpmFiles.unquote("STEROGYL 15 \"A\" 600 000 UI")).isEqualTo("STEROGYL 15 \"A\" 600 000 UI");
        assertThat(BdpmFiles.unquote("\"Texte sans fin")).isEqualTo("Texte sans fin");
        assertThat(BdpmFiles.unquote("Texte sans début \" ")).isEqualTo("Texte sans début");
        assertThat(BdpmFiles.unquote("seconde \"ligne\"")).isEqualTo("seconde \"ligne\"");
        assertThat(BdpmFiles.cleanText("a <br>  b<BR/>c < 0,001")).isEqualTo("a\nb\nc < 0,001");
        assertThat(BdpmOpinionSource.brand("DOLIPRANE ADULTES 1000 mg, suppositoire")).isEqualTo("DOLIPRANE ADULTES");
        assertThat(BdpmOpinionSource.brand("TCAPS 112 microgrammes capsule molle")).isEqualTo("TCAPS");
        assertThat(BdpmOpinionSource.brand("STEROGYL 15 \"A\" 600 000 UI/1,5 ml, solution buvable")).isEqualTo("STEROGYL");
        assertThat(BdpmOpinionSource.frenchDate(LocalDate.of(2022, 8, 1))).isEqualTo("1er août 2022");
    }

    private void write(String name, String... lines) throws IOException {
        Files.write(tmp.resolve(name), (String.join("\r\n", lines) + "\r\n").getBytes(CP1252));
    }

    private static SourceDocument byId(String ct) {
        return documents(all).stream().filter(d -> d.id().nativeId().equals(ct)).findFirst().orElseThrow();
    }
}
