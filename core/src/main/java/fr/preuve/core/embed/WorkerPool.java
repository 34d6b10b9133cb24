package fr.preuve.core.embed;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/** The daemon threads {@link OnnxBatchEmbedder} tokenizes and runs the model on. */
final class WorkerPool {
    private static final AtomicInteger POOL_IDS = new AtomicInteger();

    private final int workers;
    private final ExecutorService pool;

    WorkerPool(int workers) {
        this.workers = workers;
        this.pool = Executors.newFixedThreadPool(workers, daemonThreads());
    }

    /** Runs {@code body(0..n-1)} on the workers, rethrowing the first failure; inline when one worker suffices. */
    void parallelFor(int n, IntConsumer body) {
        int tasks = Math.min(n, workers);
        if (tasks <= 1) {
            for (int i = 0; i < n; i++) {
                body.accept(i);
            }
            return;
        }
        AtomicInteger next = new AtomicInteger();
        AtomicBoolean failed = new AtomicBoolean();
        Runnable loop = () -> {
            int i;
            while (!failed.get() && (i = next.getAndIncrement()) < n) {
                try {
                    body.accept(i);
                } catch (RuntimeException | Error e) {
                    failed.set(true);
                    throw e;
                }
            }
        };
        List<Future<?>> futures = new ArrayList<>(tasks);
        for (int t = 0; t < tasks; t++) {
            futures.add(pool.submit(loop));
        }
        RuntimeException failure = null;
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (InterruptedException e) {
                failed.set(true);
                Thread.currentThread().interrupt();
                failure = failure != null ? failure : new IllegalStateException("interrupted", e);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (failure == null) {
                    failure = cause instanceof RuntimeException re ? re : new IllegalStateException(cause);
                }
                if (cause instanceof Error err) {
                    throw err;
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    void shutdown() {
        pool.shutdownNow();
    }

    private static ThreadFactory daemonThreads() {
        int id = POOL_IDS.incrementAndGet();
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "onnx-embed-" + id + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
