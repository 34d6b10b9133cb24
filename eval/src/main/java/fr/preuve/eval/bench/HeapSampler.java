package fr.preuve.eval.bench;

/** Samples used heap every 100 ms on a daemon thread and keeps the peak. */
public final class HeapSampler implements AutoCloseable {
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long peak;

    public HeapSampler() {
        thread = new Thread(() -> {
            Runtime rt = Runtime.getRuntime();
            while (running) {
                peak = Math.max(peak, rt.totalMemory() - rt.freeMemory());
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    /** Peak used heap seen so far, in MiB. */
    public double peakMiB() {
        Runtime rt = Runtime.getRuntime();
        return Math.max(peak, rt.totalMemory() - rt.freeMemory()) / (1024.0 * 1024.0);
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
