package fr.preuve.eval.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Hand-computed cases: log2 discounts are 1 (rank 1), 0.63093 (rank 2), 0.5 (rank 3). */
class RankingMetricsTest {
    private static final double EPS = 1e-6;
    private static final double LOG2_3 = Math.log(3) / Math.log(2);

    @Test
    void binaryRelevanceWithAMissInBetween() {
        Map<String, Integer> qrels = Map.of("a", 1, "b", 1);
        List<String> ranked = List.of("a", "x", "b");
        // DCG = 1/1 + 1/log2(4) = 1.5 ; IDCG = 1 + 1/log2(3) = 1.630930
        assertThat(RankingMetrics.ndcg(ranked, qrels, 10)).isCloseTo(1.5 / (1 + 1 / LOG2_3), within(EPS));
        assertThat(RankingMetrics.ndcg(ranked, qrels, 10)).isCloseTo(0.919721, within(EPS));
        assertThat(RankingMetrics.recall(ranked, qrels, 10)).isEqualTo(1.0);
        assertThat(RankingMetrics.recall(ranked, qrels, 2)).isEqualTo(0.5);
        assertThat(RankingMetrics.reciprocalRank(ranked, qrels, 10)).isEqualTo(1.0);
    }

    @Test
    void gradedRelevanceUsesLinearGainAndAnIdealFromTheQrels() {
        Map<String, Integer> qrels = Map.of("a", 2, "b", 1, "c", 0);
        // DCG = 1/1 + 2/log2(3) = 2.261860 ; IDCG = 2/1 + 1/log2(3) = 2.630930
        assertThat(RankingMetrics.ndcg(List.of("b", "a"), qrels, 10)).isCloseTo(0.859719, within(EPS));
        assertThat(RankingMetrics.ndcg(List.of("a", "b"), qrels, 10)).isCloseTo(1.0, within(EPS));
        // grade 0 is judged but not relevant: it neither counts for recall nor for MRR
        assertThat(RankingMetrics.recall(List.of("c", "b"), qrels, 10)).isEqualTo(0.5);
        assertThat(RankingMetrics.reciprocalRank(List.of("c", "b"), qrels, 10)).isEqualTo(0.5);
        assertThat(RankingMetrics.relevantCount(qrels)).isEqualTo(2);
    }

    @Test
    void emptyResultsScoreZero() {
        Map<String, Integer> qrels = Map.of("a", 1);
        assertThat(RankingMetrics.ndcg(List.of(), qrels, 10)).isZero();
        assertThat(RankingMetrics.recall(List.of(), qrels, 100)).isZero();
        assertThat(RankingMetrics.reciprocalRank(List.of(), qrels, 10)).isZero();
    }

    @Test
    void tiedGradesInTheIdealAndCutOffAtK() {
        Map<String, Integer> qrels = Map.of("a", 1, "b", 1, "c", 1);
        // k = 2: IDCG = 1 + 1/log2(3) whichever of the tied documents fill it; one hit at rank 1
        assertThat(RankingMetrics.ndcg(List.of("c"), qrels, 2)).isCloseTo(1 / (1 + 1 / LOG2_3), within(EPS));
        assertThat(RankingMetrics.ndcg(List.of("c"), qrels, 2)).isCloseTo(0.613147, within(EPS));
        assertThat(RankingMetrics.recall(List.of("x", "a", "b", "c"), qrels, 3)).isCloseTo(2.0 / 3, within(EPS));
    }

    @Test
    void relevantDocumentJustPastKCountsOnlyForDeeperMetrics() {
        List<String> ranked = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ranked.add("x" + i);
        }
        ranked.add("a");
        Map<String, Integer> qrels = Map.of("a", 1);
        assertThat(RankingMetrics.ndcg(ranked, qrels, 10)).isZero();
        assertThat(RankingMetrics.recall(ranked, qrels, 10)).isZero();
        assertThat(RankingMetrics.reciprocalRank(ranked, qrels, 10)).isZero();
        assertThat(RankingMetrics.recall(ranked, qrels, 100)).isEqualTo(1.0);
        assertThat(MetricKey.RECALL_100.of(ranked, qrels)).isEqualTo(1.0);
        assertThat(MetricKey.MRR_10.of(ranked, qrels)).isZero();
    }

    @Test
    void aDocumentListedTwiceCountsOnceAtItsFirstRank() {
        Map<String, Integer> qrels = Map.of("a", 1);
        List<String> ranked = List.of("x", "x", "a", "a");
        assertThat(RankingMetrics.reciprocalRank(ranked, qrels, 10)).isEqualTo(0.5);
        assertThat(RankingMetrics.ndcg(ranked, qrels, 10)).isCloseTo(1 / LOG2_3, within(EPS));
        assertThat(RankingMetrics.recall(ranked, qrels, 10)).isEqualTo(1.0);
    }

    @Test
    void tiedScoresAreBrokenByDocumentIdSoRankingsAreDeterministic() {
        Map<String, Double> scores = new LinkedHashMap<>();
        scores.put("x", 1.0);
        scores.put("b", 2.0);
        scores.put("a", 2.0);
        assertThat(RankingMetrics.rank(scores)).containsExactly("a", "b", "x");
        Map<String, Integer> qrels = Map.of("b", 1);
        assertThat(RankingMetrics.reciprocalRank(RankingMetrics.rank(scores), qrels, 10)).isEqualTo(0.5);
    }

    @Test
    void queriesWithoutRelevantDocumentsAreUndefinedAndExcluded() {
        assertThatThrownBy(() -> RankingMetrics.ndcg(List.of("a"), Map.of("a", 0), 10))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no relevant document");
        assertThatThrownBy(() -> RankingMetrics.recall(List.of("a"), Map.of(), 10))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RankingMetrics.ndcg(List.of("a"), Map.of("a", 1), 0))
                .hasMessageContaining("k must be at least 1");

        RetrievalScores s = new RetrievalScores();
        s.add(List.of("a"), Map.of("a", 1));          // ndcg 1, mrr 1
        s.add(List.of(), Map.of("b", 1));             // everything 0
        s.add(List.of("a"), Map.of("a", 0, "b", -1)); // no relevant document: excluded
        assertThat(s.evaluated()).isEqualTo(2);
        assertThat(s.excluded()).isEqualTo(1);
        Map<String, Estimate> e = s.estimates();
        assertThat(e).containsOnlyKeys("ndcg@10", "recall@10", "recall@100", "mrr@10");
        assertThat(e.get("ndcg@10").value()).isEqualTo(0.5);
        assertThat(e.get("ndcg@10").n()).isEqualTo(2);
        assertThat(e.get("mrr@10").ci95()).hasSize(2);
        assertThat(new RetrievalScores().estimates()).isEmpty();
    }
}
