package io.hearken.topology;

import java.time.Duration;

/**
 * How big the fault runs are: {@code -Dhearken.faults.scale=short} (the normal suite: a few dozen complaints per
 * run, outages of 10 s where their length is not the point) or {@code long} ({@code bench/fault-runs}: hundreds per
 * run, 60 s outages). {@code -Dhearken.faults.complaints} and {@code -Dhearken.faults.outage} (seconds) override.
 *
 * @param complaints complaints offered per run
 * @param outage     how long Elasticsearch is unreachable, SMTP refuses and the broker is down
 * @param span       over how long a steady load offers its complaints
 */
record FaultScale(String name, int complaints, Duration outage, Duration span) {

    static FaultScale fromSystemProperties() {
        boolean longRuns = "long".equalsIgnoreCase(System.getProperty("hearken.faults.scale", "short"));
        int complaints = Integer.getInteger("hearken.faults.complaints", longRuns ? 500 : 30);
        Duration outage = Duration.ofSeconds(Integer.getInteger("hearken.faults.outage", longRuns ? 60 : 10));
        // The load starts before the outage and goes on after it: a third of the span on each side.
        return new FaultScale(longRuns ? "long" : "short", complaints, outage, outage.multipliedBy(3));
    }

    /** How long a run may take to settle: generous on a shared 2-core machine, longer for long runs. */
    Duration patience() {
        return Duration.ofSeconds(180).plus(Duration.ofMillis(400L * complaints)).plus(outage.multipliedBy(2));
    }
}
