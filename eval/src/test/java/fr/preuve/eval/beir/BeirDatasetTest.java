package fr.preuve.eval.beir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.preuve.core.doc.SourceDocument;
import fr.preuve.indexer.source.ReadOutcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The loader on the real SciFact files shipped in eval/datasets/scifact, and on broken copies of them. */
class BeirDatasetTest {
    static final Path SCIFACT = Path.of("datasets/scifact");

    @TempDir
    Path tmp;

    @Test
    void loadsBothSplitsOfSciFact() {
        BeirDataset test = BeirDataset.load(SCIFACT, "test");
        assertThat(test.name()).isEqualTo("scifact");
        assertThat(test.corpus().getFileName().toString()).isEqualTo("corpus.jsonl.gz");
        assertThat(test.corpusIds()).hasSize(5183);
        assertThat(test.queries()).hasSize(1109);
        assertThat(test.qrels()).hasSize(300);
        assertThat(test.qrels().values().stream().mapToInt(m -> m.size()).sum()).isEqualTo(339);
        assertThat(test.judgedQueries()).hasSize(300).startsWith("1", "3");
        assertThat(test.qrels().get("1")).containsEntry("31715818", 1);

        BeirDataset train = BeirDataset.load(SCIFACT, "train");
        assertThat(train.qrels()).hasSize(809);
        assertThat(train.qrels().values().stream().mapToInt(m -> m.size()).sum()).isEqualTo(919);
    }

    @Test
    void beirSourceGivesOneEnglishLocalDocumentPerCorpusLine() {
        BeirDataset ds = BeirDataset.load(SCIFACT, "test");
        List<ReadOutcome> outcomes = new ArrayList<>();
        new BeirSource(ds.corpus(), "scifact").read(outcomes::add);
        assertThat(outcomes).hasSize(5183).allMatch(o -> o instanceof ReadOutcome.Read);
        SourceDocument first = ((ReadOutcome.Read) outcomes.getFirst()).document();
        assertThat(first.id().toString()).isEqualTo("local:4983");
        assertThat(first.language()).isEqualTo("en");
        assertThat(first.title()).startsWith("Microstructural development of human newborn cerebral white matter");
        assertThat(first.sections()).hasSize(1);
        assertThat(first.sections().getFirst().text()).startsWith("Alterations of the architecture of cerebral white matter");
        assertThat(first.metadata()).containsEntry("beir-id", "4983").containsEntry("dataset", "scifact");
        assertThat(ds.nativeToBeir()).containsEntry("4983", "4983").hasSize(5183);
        assertThat(BeirSource.corpusConfig(ds).name()).isEqualTo("beir-scifact");
    }

    @Test
    void malformedQueryLineNamesFileAndLine() throws IOException {
        Path dir = copy("broken");
        List<String> lines = new ArrayList<>(Files.readAllLines(dir.resolve("queries.jsonl")));
        lines.set(4, "{\"_id\": \"9\", \"text\": ");
        Files.write(dir.resolve("queries.jsonl"), lines);
        assertThatThrownBy(() -> BeirDataset.load(dir, "test"))
                .isInstanceOf(BeirFormatException.class)
                .hasMessageContaining("queries.jsonl:5: not valid JSON");
    }

    @Test
    void malformedCorpusLineNamesFileAndLineAndIsAFailedOutcomeForTheIndexer() throws IOException {
        Path dir = copy("badcorpus");
        Path gz = dir.resolve("corpus.jsonl.gz");
        List<String> lines = new ArrayList<>();
        BeirDataset.forEachLine(gz, (n, t) -> lines.add(t));
        Files.delete(gz);
        lines.set(2, "{\"_id\": \"x\", \"title\": \"no text\"}");
        Files.write(dir.resolve("corpus.jsonl"), lines);
        assertThatThrownBy(() -> BeirDataset.load(dir, "test"))
                .isInstanceOf(BeirFormatException.class)
                .hasMessageContaining("corpus.jsonl:3: missing field 'text'");
        List<ReadOutcome> outcomes = new ArrayList<>();
        new BeirSource(dir.resolve("corpus.jsonl"), "badcorpus").read(outcomes::add);
        assertThat(outcomes).hasSize(5183);
        assertThat(outcomes.get(2)).isEqualTo(new ReadOutcome.Failed("corpus.jsonl:3",
                dir.resolve("corpus.jsonl") + ":3: missing field 'text'"));
    }

    @Test
    void qrelsAreCheckedRowByRow() throws IOException {
        Path dir = copy("badqrels");
        Path qrels = dir.resolve("qrels/test.tsv");
        List<String> orig = Files.readAllLines(qrels);

        Files.write(qrels, List.of("query-id\tdoc-id\tscore", orig.get(1)));
        assertThatThrownBy(() -> BeirDataset.load(dir, "test")).hasMessageContaining("test.tsv:1: expected the header");

        Files.write(qrels, List.of(orig.get(0), orig.get(1), "3\t14717500\tone"));
        assertThatThrownBy(() -> BeirDataset.load(dir, "test")).hasMessageContaining("test.tsv:3: score 'one' is not an integer");

        Files.write(qrels, List.of(orig.get(0), "1\t99999999999\t1"));
        assertThatThrownBy(() -> BeirDataset.load(dir, "test")).hasMessageContaining("test.tsv:2: corpus id '99999999999' is not in the corpus");

        Files.write(qrels, List.of(orig.get(0), "no-such-query\t31715818\t1"));
        assertThatThrownBy(() -> BeirDataset.load(dir, "test")).hasMessageContaining("query id 'no-such-query' is not in queries.jsonl");

        Files.write(qrels, List.of(orig.get(0), "1\t31715818"));
        assertThatThrownBy(() -> BeirDataset.load(dir, "test")).hasMessageContaining("test.tsv:2: expected 3 tab-separated fields");

        assertThatThrownBy(() -> BeirDataset.load(dir, "dev")).hasMessageContaining("dev.tsv: file not found");
        assertThatThrownBy(() -> BeirDataset.load(tmp.resolve("nothing"), "test")).hasMessageContaining("directory not found");
    }

    @Test
    void idsOutsideTheNativePatternAreSanitisedInjectively() {
        assertThat(BeirIds.nativeId("4983")).isEqualTo("4983");
        assertThat(BeirIds.nativeId("MED-10")).isEqualTo("MED-10");
        String a = BeirIds.nativeId("doc#1");
        String b = BeirIds.nativeId("doc_1");
        String c = BeirIds.nativeId("doc 1");
        assertThat(a).matches("doc_1-[0-9a-f]{8}");
        assertThat(b).isEqualTo("doc_1");
        assertThat(c).matches("doc_1-[0-9a-f]{8}").isNotEqualTo(a);
        assertThat(BeirIds.nativeId("_x")).matches("x_x-[0-9a-f]{8}");
        assertThat(BeirSource.indexName("SciFact v2")).isEqualTo("beir-scifact-v2");
    }

    private Path copy(String name) throws IOException {
        Path dir = tmp.resolve(name);
        Files.createDirectories(dir.resolve("qrels"));
        for (String f : List.of("corpus.jsonl.gz", "queries.jsonl", "qrels/test.tsv")) {
            Files.copy(SCIFACT.resolve(f), dir.resolve(f));
        }
        return dir;
    }
}
