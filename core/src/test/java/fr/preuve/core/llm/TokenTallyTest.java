package fr.preuve.core.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Tokens reported on a thread go to the tallies open on it, and nowhere else. */
class TokenTallyTest {

    @Test
    void nestedTalliesBothCountAndOtherThreadsDoNot() throws Exception {
        TokenTally.record(1_000, 1_000); // no tally open: nothing to count
        try (TokenTally outer = TokenTally.open()) {
            TokenTally.record(100, 50);
            try (TokenTally inner = TokenTally.open()) {
                TokenTally.record(10, null);
                CompletableFuture.runAsync(() -> TokenTally.record(7, 7)).get();
                assertThat(inner.sent()).isEqualTo(10);
                assertThat(inner.received()).isZero();
            }
            TokenTally.record(1, 1);
            assertThat(outer.sent()).isEqualTo(111);
            assertThat(outer.received()).isEqualTo(51);
        }
        try (TokenTally fresh = TokenTally.open()) {
            assertThat(fresh.sent()).isZero();
        }
    }
}
