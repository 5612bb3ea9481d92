package io.hearken.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

/** One run's parts, shared by its phases, and the waits between them. */
record Context(Settings settings, AllInOne app, Kafka kafka, Elasticsearch es, Tail tail, OpenLoad load,
        Corpus corpus, Busy busy, Table table, Bench.Raw raw) {

    /** Waits until the pipeline is idle: no routed document added for --idle s and (almost) no consumer lag. */
    void drain() throws Exception {
        long idleNanos = Duration.ofSeconds(settings.idleSeconds()).toNanos();
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        long last = -1;
        long stableSince = System.nanoTime();
        while (System.nanoTime() < deadline) {
            long now = es.routedDocuments();
            if (now != last) {
                last = now;
                stableSince = System.nanoTime();
            } else if (System.nanoTime() - stableSince > idleNanos && kafka.totalLag() < 100) {
                return;
            }
            Thread.sleep(250);
        }
        System.out.println("warning: the pipeline did not become idle within 3 minutes (lag " + kafka.totalLag() + ")");
    }

    /** Waits until the tail has seen every one of {@code ids} routed, and Elasticsearch a routed document. */
    void awaitRouted(Set<String> ids) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (!(tail.routedAt.keySet().containsAll(ids) && es.routedDocuments() > 0)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("complaints sent were not routed within 5 minutes: "
                        + ids.stream().filter(id -> !tail.routedAt.containsKey(id)).count() + " of " + ids.size()
                        + " missing; log: " + app.log);
            }
            Thread.sleep(250);
        }
    }

    /**
     * Waits until Elasticsearch holds a routed document for every complaint the tail saw routed (idle is not
     * enough for counting: the last ones may be routed but not yet indexed). Returns the count.
     */
    long awaitIndexed() throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        long indexed = es.routedDocuments();
        while (indexed < tail.routedAt.size() && System.nanoTime() < deadline) {
            Thread.sleep(250);
            indexed = es.routedDocuments();
        }
        if (indexed < tail.routedAt.size()) {
            System.out.println("warning: " + (tail.routedAt.size() - indexed) + " routed complaints not indexed within 2 minutes");
        }
        return indexed;
    }

    /** The table so far, next to --out: a run stopped half-way keeps what it measured. */
    void checkpoint() throws java.io.IOException {
        Files.createDirectories(settings.out().toAbsolutePath().getParent());
        Files.writeString(Path.of(settings.out() + ".partial"), table.markdown());
    }
}
