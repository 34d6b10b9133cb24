package fr.preuve.core.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FeedbackSummaryTest {

    static Feedback f(long id, String answer, Rating r, String correction, int minute) {
        return new Feedback(id, answer, Instant.parse("2026-11-22T10:00:00Z").plusSeconds(60L * minute), r, correction,
                List.of());
    }

    @Test
    void countsEveryRatingListsCorrectionsAndRanksIncorrectAnswers() {
        FeedbackSummary s = FeedbackSummary.of(List.of(
                f(1, "a", Rating.INCORRECT, "La dose est de 2 g.", 1),
                f(2, "b", Rating.USEFUL, null, 2),
                f(3, "c", Rating.INCORRECT, null, 3),
                f(4, "a", Rating.INCORRECT, null, 4),
                f(5, "d", Rating.INCORRECT, null, 5),
                f(6, "b", Rating.NOT_USEFUL, "Hors sujet", 6)), 2);
        assertThat(s.total()).isEqualTo(6);
        assertThat(s.counts()).isEqualTo(Map.of(Rating.USEFUL, 1, Rating.NOT_USEFUL, 1, Rating.INCORRECT, 4));
        assertThat(s.corrections()).extracting(Feedback::id).containsExactly(1L, 6L);
        // a twice; then c and d once each, d marked more recently
        assertThat(s.incorrect()).containsExactly(new FeedbackSummary.Incorrect("a", 2), new FeedbackSummary.Incorrect("d", 1));
        assertThat(FeedbackSummary.of(List.of(), 10).counts()).containsEntry(Rating.USEFUL, 0);
    }

    @Test
    void ratingsParseTheirKeysAndNameABadOne() {
        assertThat(Rating.fromKey("not_useful")).isEqualTo(Rating.NOT_USEFUL);
        assertThatThrownBy(() -> Rating.fromKey("great"))
                .hasMessage("unknown rating 'great'; expected one of useful, not_useful, incorrect");
    }
}
