package fr.preuve.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.preuve.eval.beir.BeirDataset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code preuve eval beir --run} then {@code preuve eval trec} on a real SciFact subset (the first 10 judged test
 * queries, their relevant abstracts and 90 other abstracts): each retriever's run file has trec_eval's format, and
 * scoring it again against the dataset's qrels gives the figures of the JSON result.
 */
@Tag("slow")
class TrecRunEndToEndTest {
    static final int QUERIES = 10;
    static final int DISTRACTORS = 90;
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path tmp;
    static Path dataset;
    static Path runs;
    static JsonNode beir;

    @BeforeAll
    static void evaluate() throws IOException {
        dataset = tmp.resolve("scifact-subset");
        writeSubset(BeirDataset.load(Path.of("..", "eval", "datasets", "scifact"), "test"), dataset);
        runs = tmp.resolve("runs/subset.trec");
        Path json = tmp.resolve("beir.json");
        CliTest.Run r = CliTest.run("eval", "beir", dataset.toString(), "--home", tmp.resolve("home").toString(),
                "--run", runs.toString(), "--json", json.toString(), "--history", tmp.resolve("history.jsonl").toString());
        assertThat(r.exit()).as(r.err()).isZero();
        for (String retriever : List.of("bm25", "vector", "hybrid")) {
            assertThat(r.err()).contains("preuve eval beir: wrote " + tmp.resolve("runs/subset." + retriever + ".trec"));
        }
        beir = JSON.readTree(json.toFile());
        assertThat(beir.path("n").asInt()).isEqualTo(QUERIES);
    }

    static void writeSubset(BeirDataset full, Path dir) throws IOException {
        List<String> queries = full.judgedQueries().subList(0, QUERIES);
        Set<String> keep = new LinkedHashSet<>();
        queries.forEach(q -> keep.addAll(full.qrels().get(q).keySet()));
        Set<String> relevant = new HashSet<>(keep);
        int i = 0;
        for (String id : full.corpusIds()) {
            if (i++ % 50 == 0 && !relevant.contains(id) && keep.size() < relevant.size() + DISTRACTORS) {
                keep.add(id);
            }
        }
        Files.createDirectories(dir.resolve("qrels"));
        List<String> corpus = new ArrayList<>();
        BeirDataset.forEachDocument(full.corpus(), d -> {
            if (keep.contains(d.id())) {
                corpus.add(JSON.createObjectNode().put("_id", d.id()).put("title", d.title()).put("text", d.text()).toString());
            }
        });
        Files.write(dir.resolve("corpus.jsonl"), corpus);
        List<String> qs = new ArrayList<>();
        List<String> rows = new ArrayList<>(List.of("query-id\tcorpus-id\tscore"));
        for (String q : queries) {
            qs.add(JSON.createObjectNode().put("_id", q).put("text", full.queries().get(q)).toString());
            full.qrels().get(q).forEach((d, g) -> rows.add(q + "\t" + d + "\t" + g));
        }
        Files.write(dir.resolve("queries.jsonl"), qs);
        Files.write(dir.resolve("qrels/test.tsv"), rows);
    }

    @ParameterizedTest
    @ValueSource(strings = {"bm25", "vector", "hybrid"})
    void eachRunHasTrecEvalsFormatAndScoresAsTheJsonResult(String retriever) throws IOException {
        Path run = tmp.resolve("runs/subset." + retriever + ".trec");
        List<String> lines = Files.readAllLines(run);
        Set<String> queries = new LinkedHashSet<>();
        Set<String> pairs = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            String[] f = lines.get(i).split("\\s+");
            String where = run + ":" + (i + 1) + ": " + lines.get(i);
            assertThat(f).as(where).hasSize(6);
            assertThat(f[1]).as(where).isEqualTo("Q0");
            assertThat(Integer.parseInt(f[3])).as(where).isBetween(1, 100);
            assertThat(f[4]).as(where).matches("-?[0-9]+\\.[0-9]+");
            assertThat(f[5]).as(where).isEqualTo("preuve-" + retriever);
            assertThat(pairs.add(f[0] + " " + f[2])).as(where + " (docid twice for its query)").isTrue();
            queries.add(f[0]);
        }
        assertThat(queries).hasSize(QUERIES);

        CliTest.Run r = CliTest.run("eval", "trec", run.toString(), dataset.resolve("qrels/test.tsv").toString(), "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode trec = JSON.readTree(r.out());
        assertThat(trec.path("n").asInt()).isEqualTo(QUERIES);
        assertThat(trec.path("missing").asInt()).isZero();
        assertThat(trec.path("tags").get(0).asText()).isEqualTo("preuve-" + retriever);
        for (String metric : List.of("ndcg@10", "recall@10", "recall@100", "mrr@10")) {
            double expected = beir.path("retrievers").path(retriever).path(metric).path("value").asDouble();
            double got = trec.path("metrics").path(metric).path("value").asDouble();
            assertThat(String.format(Locale.ROOT, "%.4f", got)).as(metric).isEqualTo(String.format(Locale.ROOT, "%.4f", expected));
        }
    }

    @Test
    void theTableNamesWhatWasScoredAndAMalformedRunNamesItsLine() throws IOException {
        Path run = tmp.resolve("runs/subset.hybrid.trec");
        CliTest.Run table = CliTest.run("eval", "trec", run.toString(), dataset.resolve("qrels/test.tsv").toString());
        assertThat(table.exit()).as(table.err()).isZero();
        String ndcg = String.format(Locale.ROOT, "%.4f", beir.path("retrievers").path("hybrid").path("ndcg@10").path("value").asDouble());
        assertThat(table.out()).contains("tag preuve-hybrid", "BEIR qrels TSV", QUERIES + " judged queries", "ndcg@10      " + ndcg);

        Path broken = tmp.resolve("broken.trec");
        List<String> lines = new ArrayList<>(Files.readAllLines(run));
        lines.set(2, lines.get(2).replaceFirst(" Q0 (\\S+) (\\d+) ", " Q0 $1 third "));
        Files.write(broken, lines);
        CliTest.Run bad = CliTest.run("eval", "trec", broken.toString(), dataset.resolve("qrels/test.tsv").toString());
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("preuve: " + broken + ":3: rank 'third' is not an integer");
    }

    @Test
    void helpDescribesTheRunOptionAndTheTrecCommand() {
        assertThat(help("eval")).contains("trec");
        assertThat(help("eval", "beir")).contains("--run=FILE", "the retriever's name goes before the extension",
                "runs/scifact.trec gives runs/scifact.bm25.trec");
        assertThat(help("eval", "trec")).contains("RUN QRELS", "then document id descending", "--json");
    }

    /** The help of a command, its lines joined (picocli wraps at 80 columns). */
    static String help(String... command) {
        List<String> args = new ArrayList<>(List.of(command));
        args.add("--help");
        return CliTest.run(args.toArray(String[]::new)).out().replaceAll("\\s+", " ");
    }
}
