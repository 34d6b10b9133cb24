package fr.preuve.eval.trec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A hand-written run and qrels (src/test/resources/trec) scored with values computed by hand; malformed files. */
class TrecEvaluationTest {

    @TempDir
    Path tmp;

    static Path resource(String name) throws URISyntaxException {
        return Path.of(TrecEvaluationTest.class.getResource("/trec/" + name).toURI());
    }

    @Test
    void tiesAreBrokenByDocumentIdDescendingAndTheRankColumnIsNotUsed() throws Exception {
        TrecRun run = TrecRun.read(resource("small.run"));
        // d2 and d3 both score 2.5: d3 > d2, so d3 first; d1 (written first, rank 3) comes after them
        assertThat(run.ranked("q1")).containsExactly("d3", "d2", "d1", "d9");
        assertThat(run.ranked("q2")).startsWith("d4", "d6", "d5", "x01").endsWith("x09", "d50");
        assertThat(run.ranked("q4")).isEmpty();
        assertThat(run.tags()).containsExactly("hand");
    }

    @Test
    void handComputedMetricsOnTrecQrels() throws Exception {
        assertHandComputed(TrecEvaluation.score(TrecRun.read(resource("small.run")), Qrels.read(resource("small.qrels"))),
                Qrels.Format.TREC);
    }

    @Test
    void theBeirQrelsTsvGivesTheSameFigures() throws Exception {
        assertHandComputed(TrecEvaluation.score(TrecRun.read(resource("small.run")), Qrels.read(resource("small-qrels.tsv"))),
                Qrels.Format.BEIR);
    }

    /*
     * Judged queries (a grade >= 1): q1, q2, q4; q3 has only grade 0 (excluded); q5 is in the run only (ignored);
     * q4 is not in the run (an empty ranking, every metric 0). log2(3) = 1.5849625.
     *
     * q1 ranking d3 d2 d1 d9, grades d1=2 d3=1 d9=0:
     *   DCG@10 = 1/log2(2) + 0/log2(3) + 2/log2(4) = 1 + 0 + 1 = 2
     *   IDCG@10 = 2/log2(2) + 1/log2(3) = 2 + 0.6309298 = 2.6309298 -> nDCG@10 = 2 / 2.6309298 = 0.7601875
     *   Recall@10 = 2/2 = 1, Recall@100 = 1, MRR@10 = 1/1 = 1
     *   (had the tie gone d2 before d3: DCG = 1/log2(3) + 2/log2(4) = 1.6309, nDCG 0.6199, MRR 0.5)
     * q2 ranking d4 d6 d5 x01..x07 | x08 x09 d50 (d50 at rank 13), relevant d5, d50:
     *   DCG@10 = 1/log2(4) = 0.5; IDCG@10 = 1 + 1/log2(3) = 1.6309298 -> nDCG@10 = 0.3065736
     *   Recall@10 = 1/2 = 0.5, Recall@100 = 2/2 = 1, MRR@10 = 1/3
     * q4: 0 everywhere.
     * Means over n = 3: nDCG@10 = (0.7601875 + 0.3065736 + 0) / 3 = 0.3555870; Recall@10 = (1 + 0.5 + 0) / 3 = 0.5;
     *   Recall@100 = (1 + 1 + 0) / 3 = 0.6666667; MRR@10 = (1 + 1/3 + 0) / 3 = 0.4444444.
     */
    static void assertHandComputed(TrecEvaluation.Result r, Qrels.Format format) {
        assertThat(r.format()).isEqualTo(format);
        assertThat(r.n()).isEqualTo(3);
        assertThat(r.missing()).isEqualTo(1);
        assertThat(r.excluded()).isEqualTo(1);
        assertThat(r.unjudged()).isEqualTo(1);
        assertThat(r.value("ndcg@10")).isCloseTo(0.3555870, within(1e-7));
        assertThat(r.value("recall@10")).isCloseTo(0.5, within(1e-12));
        assertThat(r.value("recall@100")).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(r.value("mrr@10")).isCloseTo(4.0 / 9, within(1e-12));
        assertThat(r.metrics().get("ndcg@10").n()).isEqualTo(3);
        assertThat(TrecEvaluation.table(r)).contains("3 judged queries; 1 not in the run (scored 0); 1 without a "
                + "relevant document excluded; 1 run queries without judgements ignored", "ndcg@10      0.3556");
        assertThat(r.toJson()).contains("\"ndcg@10\"", "\"n\" : 3", "\"missing\" : 1", "\"tags\" : [ \"hand\" ]");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "q1 Q0 d1 1 2.0 t\\nq1 Q0 d2 1 1.0|2|expected 6 whitespace-separated fields (qid Q0 docid rank score tag), got 5: 'q1 Q0 d2 1 1.0'",
        "q1 Q0 d1 one 2.0 t|1|rank 'one' is not an integer",
        "q1 Q0 d1 1 high t|1|score 'high' is not a number",
        "q1 Q0 d1 1 NaN t|1|score 'NaN' is not a finite number",
        "q1 Q0 d1 1 2.0 t\\n\\nq1 Q0 d1 2 1.0 t|3|document 'd1' is listed twice for query 'q1' (first on line 1)",
    })
    void aMalformedRunNamesFileLineAndProblem(String content, int line, String problem) throws IOException {
        Path file = write("bad.run", content);
        assertThatThrownBy(() -> TrecRun.read(file)).isInstanceOf(TrecFormatException.class)
                .hasMessage(file + ":" + line + ": " + problem);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "q1 0 d1 1\\nq1 0 d2|2|expected 4 whitespace-separated fields (qid 0 docid relevance) or the BEIR header "
                + "'query-id corpus-id score', got 3: 'q1 0 d2'",
        "q1 0 d1 yes|1|relevance 'yes' is not an integer",
        "q1 0 d1 1\\nq1 0 d1 2|2|second judgement of document 'd1' for query 'q1'",
        "query-id\\tcorpus-id\\tscore\\nq1\\td1|2|expected 3 tab-separated fields (query-id, corpus-id, score), got 2: 'q1\td1'",
        "query-id\\tcorpus-id\\tscore\\nq1\\td1\\t0.5|2|relevance '0.5' is not an integer",
    })
    void malformedQrelsNameFileLineAndProblem(String content, int line, String problem) throws IOException {
        Path file = write("bad.qrels", content);
        assertThatThrownBy(() -> Qrels.read(file)).isInstanceOf(TrecFormatException.class)
                .hasMessage(file + ":" + line + ": " + problem);
    }

    @Test
    void emptyOrMissingFilesAndQrelsWithoutRelevantDocumentsAreRefused() throws Exception {
        Path empty = write("empty.run", "\\n");
        assertThatThrownBy(() -> TrecRun.read(empty)).hasMessage(empty + ": the run is empty");
        Path none = tmp.resolve("none.qrels");
        assertThatThrownBy(() -> Qrels.read(none)).hasMessage(none + ": file not found");
        Path zero = write("zero.qrels", "q1 0 d1 0");
        assertThatThrownBy(() -> TrecEvaluation.score(TrecRun.read(resource("small.run")), Qrels.read(zero)))
                .hasMessage(zero + ": no query has a relevant document (grade >= 1)");
        Path latin1 = tmp.resolve("latin1.run");
        Files.write(latin1, List.of("q1 Q0 d1 1 1.0 t", "q1 Q0 caf\u00e9 2 0.5 t"), StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> TrecRun.read(latin1)).hasMessage(latin1 + ":2: not valid UTF-8 text");
    }

    private Path write(String name, String escaped) throws IOException {
        Path file = tmp.resolve(name);
        Files.writeString(file, escaped.replace("\\n", "\n").replace("\\t", "\t") + "\n", StandardCharsets.UTF_8);
        return file;
    }
}
