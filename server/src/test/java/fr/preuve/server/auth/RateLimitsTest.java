package fr.preuve.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimitsTest {
    private final AtomicLong nanos = new AtomicLong();
    private final TimeMeter time = new TimeMeter() {
        @Override
        public long currentTimeNanos() {
            return nanos.get();
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }
    };
    private final RateLimits limits = new RateLimits(new RateLimits.Settings(30, 600, 10, 2, Duration.ofMillis(50)), time);

    @Test
    void aClientBeyondItsQuestionsPerMinuteIsToldHowLongToWait() {
        for (int i = 0; i < 30; i++) {
            limits.question("user:dr.martin");
        }
        assertThatThrownBy(() -> limits.question("user:dr.martin")).isInstanceOfSatisfying(RateLimits.Exceeded.class,
                e -> assertThat(e.retryAfterSeconds()).isEqualTo(2)); // one question back every 2 s
        limits.question("user:dr.durand"); // another client is not affected
        nanos.addAndGet(Duration.ofSeconds(2).toNanos());
        limits.question("user:dr.martin");
    }

    @Test
    void failedLoginsFromOneAddressAreCapped() {
        for (int i = 0; i < 10; i++) {
            limits.checkLogin("10.0.0.7");
            limits.loginFailed("10.0.0.7");
        }
        assertThatThrownBy(() -> limits.checkLogin("10.0.0.7")).isInstanceOf(RateLimits.Exceeded.class);
        limits.checkLogin("10.0.0.8");
    }

    @Test
    void questionsBeyondTheServersAnsweringSlotsAreRefusedNotQueuedForever() throws Exception {
        CountDownLatch inside = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        try (var pool = Executors.newFixedThreadPool(2)) {
            for (int i = 0; i < 2; i++) {
                var unused = pool.submit(() -> limits.answering(() -> {
                    inside.countDown();
                    try {
                        return release.await(10, java.util.concurrent.TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                }));
            }
            inside.await();
            assertThatThrownBy(() -> limits.answering(() -> "third")).isInstanceOfSatisfying(RateLimits.Exceeded.class,
                    e -> assertThat(e.retryAfterSeconds()).isEqualTo(1));
            release.countDown();
        }
        assertThat(limits.answering(() -> "after")).isEqualTo("after");
    }
}
