package fr.preuve.indexer.source.pubmedqa;

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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PubMedQaSourceTest {

    private static final Path REAL = demo("pubmedqa/ori_pqal.json");

    @TempDir
    Path tmp;

    @Test
    void readsThe1000RealItemsInFileOrder() {
        List<ReadOutcome> out = readAll(new PubMedQaSource(REAL));

        assertThat(failures(out)).isEmpty();
        List<SourceDocument> docs = documents(out);
        assertThat(docs).hasSize(1000);
        assertThat(docs.get(0).id().toString()).isEqualTo("pubmed:21645374");
        assertThat(docs.get(1).id().toString()).isEqualTo("pubmed:16418930");
        assertThat(docs).extracting(d -> d.id().toString()).doesNotHaveDuplicates();
        assertThat(docs).allSatisfy(d -> {
            assertThat(d.language()).isEqualTo("en");
            assertThat(d.date()).satisfiesAnyOf(date -> assertThat(date).isNull(), date -> assertThat(date).matches("\\d{4}"));
            assertThat(d.url()).isEqualTo("https://pubmed.ncbi.nlm.nih.gov/" + d.id().nativeId() + "/");
            assertThat(d.metadata()).containsOnlyKeys("mesh");
            // the evaluation labels stay out of the corpus
            assertThat(d.text()).doesNotContain("final_decision", "reasoning_required");
        });
        assertThat(docs).filteredOn(d -> d.date() == null).hasSize(58); // YEAR is null in 58 items
        assertThat(docs).filteredOn(d -> d.sections().stream().anyMatch(s -> "CONCLUSIONS".equals(s.heading())))
                .hasSizeGreaterThan(990);
    }

    @Test
    void goldenRecord() {
        SourceDocument d = documents(readAll(new PubMedQaSource(REAL))).get(0);

        assertThat(d.sections()).extracting(Section::heading).containsExactly("BACKGROUND", "RESULTS", "CONCLUSIONS");
        assertGolden("pubmedqa-21645374.json", render(d));
    }

    @Test
    void truncatedJsonKeepsTheItemsBeforeTheCut() throws IOException {
        String json = Files.readString(REAL, StandardCharsets.UTF_8);
        int third = json.indexOf("\"QUESTION\"", json.indexOf("\"QUESTION\"", json.indexOf("\"QUESTION\"") + 1) + 1);
        Path truncated = tmp.resolve("ori_pqal.json");
        Files.writeString(truncated, json.substring(0, third + 40), StandardCharsets.UTF_8);

        List<ReadOutcome> out = readAll(new PubMedQaSource(truncated));

        assertThat(documents(out)).extracting(d -> d.id().toString()).containsExactly("pubmed:21645374", "pubmed:16418930");
        assertThat(failures(out)).singleElement().satisfies(f -> {
            assertThat(f.location()).startsWith("ori_pqal.json after #").contains("(line ");
            assertThat(f.reason()).startsWith("invalid or truncated JSON");
        });
    }

    @Test
    void emptyFileIsOneFailure() throws IOException {
        Path empty = Files.createFile(tmp.resolve("empty.json"));

        assertThat(readAll(new PubMedQaSource(empty))).containsExactly(new ReadOutcome.Failed("empty.json", "file is empty"));
    }

    @Test
    void whitespaceOnlyFileIsOneFailure() throws IOException {
        Path blank = Files.writeString(tmp.resolve("blank.json"), "  \n ");

        assertThat(readAll(new PubMedQaSource(blank))).containsExactly(new ReadOutcome.Failed("blank.json", "file is empty"));
    }

    @Test
    void missingFileIsOneFailure() {
        List<ReadOutcome> out = readAll(new PubMedQaSource(tmp.resolve("nope.json")));

        assertThat(out).singleElement().isInstanceOfSatisfying(ReadOutcome.Failed.class, f -> {
            assertThat(f.location()).isEqualTo("nope.json");
            assertThat(f.reason()).startsWith("file not found");
        });
    }

    @Test
    void notAnObjectIsOneFailure() throws IOException {
        Path array = Files.writeString(tmp.resolve("array.json"), "[1, 2]");

        assertThat(failures(readAll(new PubMedQaSource(array)))).singleElement()
                .satisfies(f -> assertThat(f.reason()).contains("expected a JSON object keyed by PMID"));
    }

    @Test
    void malformedItemsAreReportedAndTheOthersRead() throws IOException {
        Path file = Files.writeString(tmp.resolve("items.json"), """
                {
                  "111": {"QUESTION": ["not", "a", "string"], "CONTEXTS": ["x"], "LABELS": ["A"]},
                  "abc": {"QUESTION": "Bad key?", "CONTEXTS": ["text"], "LABELS": ["A"]},
                  "222": {"QUESTION": "No text?", "CONTEXTS": [], "LABELS": []},
                  "333": "not an object",
                  "444": {"QUESTION": "  Does   it\\twork? ", "CONTEXTS": ["First  part.", "Second part."],
                          "LABELS": ["BACKGROUND"], "MESHES": ["Humans", "Adult"], "YEAR": "2019",
                          "final_decision": "yes", "LONG_ANSWER": "Second part."}
                }
                """);

        List<ReadOutcome> out = readAll(new PubMedQaSource(file));

        assertThat(failures(out)).extracting(ReadOutcome.Failed::location)
                .containsExactly("items.json#111", "items.json#abc", "items.json#222", "items.json#333");
        assertThat(failures(out)).extracting(ReadOutcome.Failed::reason)
                .containsExactly("no QUESTION (title)", "key 'abc' is not a PMID",
                        "no text: CONTEXTS and LABELS are empty".replace("LABELS", "LONG_ANSWER"), "item is not a JSON object");
        SourceDocument d = documents(out).get(0);
        assertThat(d.id().toString()).isEqualTo("pubmed:444");
        assertThat(d.title()).isEqualTo("Does it work?");
        assertThat(d.date()).isEqualTo("2019");
        assertThat(d.metadata()).containsExactly(java.util.Map.entry("mesh", "Humans; Adult"));
        // a label per context when given; LONG_ANSWER equal to a context is not repeated
        assertThat(d.sections()).containsExactly(Section.of("BACKGROUND", "First part."), Section.of(null, "Second part."));
    }
}
