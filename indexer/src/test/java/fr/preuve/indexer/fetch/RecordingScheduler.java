package fr.preuve.indexer.fetch;

import dev.failsafe.spi.Scheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** A Failsafe scheduler for tests: records every wait asked for (rate limit, retry delay) and runs at once. */
public final class RecordingScheduler implements Scheduler {

    private static final ScheduledExecutorService RUN_NOW = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "test-fetch");
        t.setDaemon(true);
        return t;
    });

    private final List<Duration> waits = Collections.synchronizedList(new ArrayList<>());

    @Override
    public ScheduledFuture<?> schedule(Callable<?> callable, long delay, TimeUnit unit) {
        if (delay > 0) {
            waits.add(Duration.ofNanos(unit.toNanos(delay)));
        }
        return RUN_NOW.schedule(callable, 0, TimeUnit.NANOSECONDS);
    }

    /** The waits asked for, in order. */
    public List<Duration> waits() {
        synchronized (waits) {
            return List.copyOf(waits);
        }
    }
}
