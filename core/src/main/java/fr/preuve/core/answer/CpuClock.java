package fr.preuve.core.answer;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/** CPU time of the calling thread, in nanoseconds; the seam tests script. */
@FunctionalInterface
public interface CpuClock {
    /** The JVM's measure of the current thread ({@link ThreadMXBean#getCurrentThreadCpuTime}); 0 where unsupported. */
    CpuClock THREAD = new CpuClock() {
        private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

        @Override
        public long threadNanos() {
            return threads.isCurrentThreadCpuTimeSupported() ? threads.getCurrentThreadCpuTime() : 0;
        }
    };

    long threadNanos();
}
