package fr.preuve.eval.trec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.preuve.eval.metrics.RankingMetrics;
import fr.preuve.eval.trec.TrecRunWriter.Scored;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The written run follows trec_eval's format and scores exactly as the ranking it was written from. */
class TrecRunWriterTest {

    @TempDir
    Path tmp;

    /** Six fields: qid, the literal Q0, docid, an integer rank, a decimal score, the tag. */
    static final Pattern LINE = Pattern.compile("(\\S+) Q0 (\\S+) ([1-9][0-9]*) (-?[0-9]+(\\.[0-9]+)?) (\\S+)");

    /** Asserts every line of {@code file} is a trec_eval run line; ranks 1, 2, ... and scores strictly decreasing. */
    static void assertTrecEvalFormat(Path file, String tag) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(lines).isNotEmpty();
        Map<String, Integer> lastRank = new LinkedHashMap<>();
        Map<String, Double> lastScore = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            assertThat(line.split("\\s+")).as("line %d: %s", i + 1, line).hasSize(6);
            var m = LINE.matcher(line);
            assertThat(m.matches()).as("line %d: %s", i + 1, line).isTrue();
            String qid = m.group(1);
            int rank = Integer.parseInt(m.group(3));
            double score = Double.parseDouble(m.group(4));
            assertThat(m.group(6)).isEqualTo(tag);
            assertThat(seen.add(qid + " " + m.group(2))).as("line %d: document listed twice for its query", i + 1).isTrue();
            assertThat(rank).as("line %d: rank", i + 1).isEqualTo(lastRank.getOrDefault(qid, 0) + 1);
            if (lastScore.containsKey(qid)) {
                assertThat(score).as("line %d: score below the one before", i + 1).isLessThan(lastScore.get(qid));
            }
            lastRank.put(qid, rank);
            lastScore.put(qid, score);
        }
    }

    @Test
    void linesFollowTrecEvalsFormatWithTiesAndDuplicatesResolvedInTheRankingsOrder() throws IOException {
        Map<String, List<Scored>> rankings = new LinkedHashMap<>();
        // ties (0.5, 0.5, 0.5) in the searcher's order a, z, m; b listed twice; a later score above an earlier one
        rankings.put("7", List.of(new Scored("a", 0.5), new Scored("z", 0.5), new Scored("b", 0.25),
                new Scored("m", 0.5), new Scored("b", 0.1), new Scored("c", 1e-7)));
        rankings.put("q-2", List.of(new Scored("only", -0.75)));
        Path file = tmp.resolve("runs/x.hybrid.trec");
        TrecRunWriter.write(file, "preuve-hybrid", rankings);
        assertTrecEvalFormat(file, "preuve-hybrid");
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(6);
        assertThat(lines.get(0)).isEqualTo("7 Q0 a 1 0.5 preuve-hybrid");
        assertThat(lines.get(1)).isEqualTo("7 Q0 z 2 0.49999999999999994 preuve-hybrid");
        assertThat(lines.get(4)).isEqualTo("7 Q0 c 5 0.0000001 preuve-hybrid");
        assertThat(lines.get(5)).isEqualTo("q-2 Q0 only 1 -0.75 preuve-hybrid");

        // read back in trec_eval's order (score, then docid descending), the searcher's order is kept
        TrecRun back = TrecRun.read(file);
        assertThat(back.ranked("7")).containsExactly("a", "z", "b", "m", "c");
        Map<String, Integer> qrels = Map.of("z", 1, "m", 2);
        List<String> searcher = rankings.get("7").stream().map(Scored::docId).toList();
        assertThat(RankingMetrics.ndcg(back.ranked("7"), qrels, 10)).isEqualTo(RankingMetrics.ndcg(searcher, qrels, 10));
    }

    @Test
    void theRetrieversNameGoesBeforeTheExtension() {
        assertThat(TrecRunWriter.fileFor(Path.of("runs/scifact.trec"), "bm25")).isEqualTo(Path.of("runs/scifact.bm25.trec"));
        assertThat(TrecRunWriter.fileFor(Path.of("runs/scifact"), "vector")).isEqualTo(Path.of("runs/scifact.vector"));
        assertThat(TrecRunWriter.fileFor(Path.of(".run"), "hybrid")).isEqualTo(Path.of(".run.hybrid"));
        assertThat(TrecRunWriter.tag("hybrid")).isEqualTo("preuve-hybrid");
    }

    @Test
    void idsWithWhitespaceAndNonFiniteScoresAreRefused() {
        assertThatThrownBy(() -> TrecRunWriter.lines("t", Map.of("q", List.of(new Scored("a b", 1)))))
                .hasMessage("a TREC run document id must be non-empty without whitespace, got 'a b'");
        assertThatThrownBy(() -> TrecRunWriter.lines("t", Map.of("q", List.of(new Scored("a", Double.NaN)))))
                .hasMessage("score of 'a' for query 'q' must be finite, got NaN");
    }
}
