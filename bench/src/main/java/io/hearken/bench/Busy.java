package io.hearken.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Is anyone else using the CPU? The machine's busy time minus the CPU time of our own processes (this JVM, the
 * all-in-one and its Elasticsearch) is what other processes used: measured before the start (with the load
 * average) and over every measured interval. A headline figure is refused when it was measured on a busy machine.
 */
final class Busy {

    private final double maxCores;
    private final Supplier<List<Long>> ours;
    private final List<String> reasons = new ArrayList<>();
    private long[] machineAtMark;
    private long oursAtMark;

    Busy(double maxCores, Supplier<List<Long>> ours) {
        this.maxCores = maxCores;
        this.ours = ours;
        mark();
    }

    /** Starts an interval. */
    void mark() {
        machineAtMark = Machine.machineCpuMs();
        oursAtMark = oursMs();
    }

    /** Cores used by other processes since {@link #mark()}, on average; remembers a reason if over the limit. */
    double foreignCores(String during) {
        long[] now = Machine.machineCpuMs();
        long elapsedAllCores = now[1] - machineAtMark[1];
        long foreignMs = (now[0] - machineAtMark[0]) - (oursMs() - oursAtMark);
        double cores = elapsedAllCores <= 0 ? 0 : Math.max(0, (double) foreignMs / elapsedAllCores * Machine.CORES);
        if (cores > maxCores) {
            reasons.add("%s: other processes used %.2f cores (limit %.2f)".formatted(during, cores, maxCores));
        }
        return cores;
    }

    /**
     * Before anything starts: load average and a 5 s sample of other processes' CPU. A load average that is
     * falling (as after {@code bench/run}'s own build) is given up to {@code settle} to come under the limit.
     */
    void checkBefore(double maxLoad, java.time.Duration settle) throws InterruptedException {
        double load = Machine.loadAverage();
        long until = System.nanoTime() + settle.toNanos();
        while (load > maxLoad && System.nanoTime() < until) {
            System.out.printf("waiting for the load average (%.2f) to fall under %.2f …%n", load, maxLoad);
            Thread.sleep(10_000);
            load = Machine.loadAverage();
        }
        if (load > maxLoad) {
            reasons.add("before start: load average %.2f (limit %.2f)".formatted(load, maxLoad));
        }
        mark();
        Thread.sleep(5_000);
        foreignCores("before start");
    }

    void note(String reason) {
        reasons.add(reason);
    }

    boolean busy() {
        return !reasons.isEmpty();
    }

    List<String> reasons() {
        return List.copyOf(reasons);
    }

    private long oursMs() {
        long sum = 0;
        for (long pid : ours.get()) {
            sum += Machine.cpuMs(pid);
        }
        return sum;
    }
}
