package io.hearken.router;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.function.Consumer;

/** For the cost harnesses (not tests): the CPU of some work, item by item, as the least of several rounds. */
public final class LeastCpu {

    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    private LeastCpu() {
    }

    /** CPU-µs per item: the work over all items, {@code rounds} times to warm up, then the least of {@code rounds} more. */
    public static <T> double microsEach(int rounds, List<T> items, Consumer<T> work) {
        long least = Long.MAX_VALUE;
        for (int r = 0; r < 2 * rounds; r++) {
            long start = CPU.getCurrentThreadCpuTime();
            items.forEach(work);
            long used = CPU.getCurrentThreadCpuTime() - start;
            if (r >= rounds) {
                least = Math.min(least, used);
            }
        }
        return least / 1_000.0 / items.size();
    }
}
