package io.hearken.bench;

import java.time.Duration;

/**
 * The operator's restart with all the history made so far: SIGTERM, the same data folder, time to healthy (issue
 * #16: healthy within 60 s with 100k complaints of history). Then complaints sent at the warm-up rate for 10 s must
 * each be routed, and Elasticsearch must hold exactly as many routed complaints more: none lost, none doubled by the
 * restart.
 */
final class Restart {

    private Restart() {
    }

    static void measure(Context c, Step step) throws Exception {
        AllInOne app = c.app();
        c.drain();
        long before = c.awaitIndexed();
        int seenBefore = c.tail().routedAt.size();
        System.out.printf("restart with %,d complaints routed%n", before);
        double stopped = app.restart(Duration.ofMinutes(2));
        c.busy().mark(); // the old processes are gone: from here "ours" is the harness and the new ones
        double healthy = app.awaitHealthy(Duration.ofMinutes(10));
        c.busy().foreignCores("restart");
        c.table().add("restart → healthy (same data folder)", Table.num(healthy) + " s", "%,d".formatted(before)
                + " complaints routed before; stopped by SIGTERM in " + Table.num(stopped) + " s");
        c.table().add("resident memory MB after restart: app / ES / launcher", step.memory(), "when healthy; "
                + step.memoryDetail());
        int rate = c.settings().warmupRate();
        long t0 = System.nanoTime();
        OpenLoad.Result sent = c.load().run(rate, 10, () -> { });
        c.awaitRouted(sent.sentAt().keySet());
        double seconds = (System.nanoTime() - t0) / 1e9;
        c.drain();
        long indexed = c.awaitIndexed() - before;
        int routed = c.tail().routedAt.size() - seenBefore; // a complaint doubled by the restart is one more id
        c.table().add("after restart: complaints sent → routed and indexed", sent.sentAt().size() + " → " + indexed,
                rate + "/s for 10 s, all routed within " + Table.num(seconds) + " s of the first; " + routed
                + " new complaints seen routed" + (indexed == sent.sentAt().size() && routed == indexed ? ""
                        : ": NOT ONE EACH"));
    }
}
