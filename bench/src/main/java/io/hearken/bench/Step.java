package io.hearken.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * One open-loop step at a fixed offered rate: what came through (routed documents in Elasticsearch), whether the
 * consumer lag stayed flat, the latencies, and what each complaint cost each process.
 */
final class Step {

    record Outcome(boolean sustained, double routedPerSecond) {
    }

    private final Context c;

    Step(Context c) {
        this.c = c;
    }

    Outcome measure(String label, int rate, int seconds) throws Exception {
        c.drain();
        Recording jfr = c.settings().jfr() ? Recording.start(c.app().pid(),
                c.settings().out().toAbsolutePath().getParent().resolve("jfr"), label) : null;
        long docsBefore = c.es().routedDocuments();
        Usage before = Usage.of(c.app(), c.es());
        Map<String, Long> writtenBefore = c.kafka().writtenByTopic();
        c.busy().mark();
        LagTrend lags = new LagTrend();
        ScheduledExecutorService sampler = Executors.newScheduledThreadPool(2);
        sampler.scheduleAtFixedRate(() -> {
            try {
                lags.add(c.kafka().lagByGroup());
            } catch (Exception e) {
                // a failed sample is only a missing point
            }
        }, 1, 2, TimeUnit.SECONDS);
        // Steady state: routed documents counted from a few seconds in, when the first complaints have come through.
        int skip = Math.max(1, Math.min(5, seconds / 3));
        long[] docsAtSkip = new long[] {docsBefore};
        sampler.schedule(() -> {
            try {
                docsAtSkip[0] = c.es().routedDocuments();
            } catch (Exception e) {
                // keeps the count from the start
            }
        }, skip, TimeUnit.SECONDS);
        long[] docsAtEnd = new long[1];
        Usage[] atEnd = new Usage[1];
        double[] foreign = new double[1];
        OpenLoad.Result r = c.load().run(rate, seconds, () -> {
            try {
                docsAtEnd[0] = c.es().routedDocuments();
                atEnd[0] = Usage.of(c.app(), c.es());
                foreign[0] = c.busy().foreignCores(label);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        sampler.shutdownNow();
        Map<String, Long> written = c.kafka().writtenByTopic();
        written.replaceAll((topic, end) -> end - writtenBefore.getOrDefault(topic, 0L));
        if (jfr != null) {
            System.out.println("JFR: " + jfr.stop());
        }
        long routed = docsAtEnd[0] - docsBefore;
        double routedPerSecond = (docsAtEnd[0] - docsAtSkip[0]) / (double) (seconds - skip);
        Usage used = atEnd[0].minus(before);
        long lagEnd = lags.totalAtEnd();
        double lagMedian = lags.totalMedian();
        Map<String, Long> growing = lags.growing();
        boolean flat = growing.isEmpty();
        c.drain();
        List<Long> toRouted = new ArrayList<>();
        List<Long> toAck = new ArrayList<>();
        for (Map.Entry<String, Long> sent : r.sentAt().entrySet()) {
            Long routedAt = c.tail().routedAt.get(sent.getKey());
            if (routedAt != null) {
                toRouted.add(routedAt - sent.getValue());
            }
            Long ackAt = c.tail().acknowledgedAt.get(sent.getKey());
            if (ackAt != null) {
                toAck.add(ackAt - sent.getValue());
            }
        }
        boolean delivered = r.skipped() == 0 && r.failed() == 0;
        boolean sustained = flat && delivered && routedPerSecond >= 0.9 * rate;
        List<String> misses = new ArrayList<>();
        if (!flat) {
            misses.add("lag grew (" + growing.keySet().iterator().next() + (growing.size() > 1 ? " and others" : "") + ")");
        }
        if (!delivered) {
            misses.add(r.failed() + " failed, " + r.skipped() + " not sent (over " + OpenLoad.MAX_IN_FLIGHT + " in flight)");
        }
        if (routedPerSecond < 0.9 * rate) {
            misses.add("routed < 90 % of offered");
        }
        String why = sustained ? "sustained" : "NOT sustained: " + String.join(", ", misses);

        Table t = c.table();
        String p = label + ": ";
        t.against(p + "accepted (201)", r.accepted() / (double) seconds, "/s", "HTTP static", c.raw().http,
                r.offered() + "/s offered for " + seconds + " s; " + r.failed() + " failed, " + r.skipped() + " not sent");
        t.against(p + "**routed and indexed**", routedPerSecond, "/s", "Kafka produce", c.raw().kafkaProduce,
                why + "; " + routed + " routed during the schedule, the rate counted from " + skip
                + " s in to its end; ratio to raw ES bulk " + Table.ratio(routedPerSecond / Math.max(1, c.raw().esBulk)));
        t.add(p + "consumer lag (records, all groups)", Table.num(lagEnd) + " at end",
                "median " + Table.num(lagMedian) + " during the step; " + (flat ? "flat in every group"
                        : "growing: " + growing.entrySet().stream().map(e -> e.getKey() + " +" + e.getValue())
                                .collect(java.util.stream.Collectors.joining(", "))));
        t.add(p + "intake → routed p50 / p99 / max", Table.p50p99max(toRouted, 1) + " ms",
                toRouted.size() + " of " + r.accepted() + " seen routed (read_committed tail)");
        t.add(p + "intake → acknowledgement mail p50 / p99 / max", Table.p50p99max(toAck, 1) + " ms",
                toAck.size() + " of " + r.accepted() + " (the notifier's ledger record after SMTP accepted)");
        t.add(p + "HTTP POST latency p50 / p99", Table.num(Table.percentile(r.latenciesMicros(), 50) / 1000) + " / "
                + Table.num(Table.percentile(r.latenciesMicros(), 99) / 1000) + " ms", "client side, loopback");
        // Per complaint accepted in the step: the work that came in (routed equals it when the step is sustained).
        double n = Math.max(1, r.accepted());
        t.add(p + "CPU-ms per accepted complaint: app / ES / ES launcher / harness",
                Table.num(used.appCpu() / n) + " / " + Table.num(used.esCpu() / n) + " / "
                + Table.num(used.esLauncherCpu() / n) + " / " + Table.num(used.benchCpu() / n),
                "app threads: " + largest(used.appThreads(), n, 6));
        t.add(p + "Kafka records written per accepted complaint", Table.num(written.values().stream()
                .mapToLong(Long::longValue).sum() / n), "transaction markers and offset commits included; by topic: "
                + largest(written, n, 12));
        double s = used.wallMs() / 1000.0;
        t.add(p + "GC ms per second: app / ES", Table.num(used.appGc() / s) + " / " + Table.num(used.esGc() / s),
                "app: jstat GCT; ES: its node stats");
        t.add(p + "resident memory MB: app / ES / launcher", memory(), "at the end of the step"
                + (c.settings().nmt() ? "; with native memory tracking on (--nmt): a few MB more than without" : ""));
        t.add(p + "other processes' CPU (cores)", Table.num(foreign[0]),
                foreign[0] > c.settings().busyCores() ? "machine busy" : "quiet");
        return new Outcome(sustained, routedPerSecond);
    }

    String memory() {
        long es = c.app().elasticsearchPid();
        long launcher = c.app().pids().stream().filter(p -> p != es && p != c.app().pid())
                .mapToLong(Machine::residentBytes).sum();
        long app = Machine.residentBytes(c.app().pid());
        long node = Machine.residentBytes(es);
        // app + ES: what the 1.5 GB target is judged on (the launcher is a small shell JVM that only waits).
        return Table.num(app / 1e6) + " / " + Table.num(node / 1e6) + " / " + Table.num(launcher / 1e6)
                + " (app + ES " + Table.num((app + node) / 1e6) + ")";
    }

    /**
     * How much of the app's and Elasticsearch's resident memory is mapped files (which the kernel may drop), and with
     * --memory-limit the cgroup's usage.
     */
    String memoryDetail() {
        MemoryLimit limit = c.app().memoryLimit;
        return "of which mapped files (jars, Lucene's index) app " + Table.num(Machine.residentFileBytes(c.app().pid()) / 1e6)
                + " / ES " + Table.num(Machine.residentFileBytes(c.app().elasticsearchPid()) / 1e6) + " MB"
                + (limit == null ? "" : "; " + limit.usage());
    }

    /** The {@code top} largest of {@code counts} (CPU-ms by thread group, records by topic), each per complaint. */
    private static String largest(Map<String, Long> counts, double complaints, int top) {
        return counts.entrySet().stream().filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(top)
                .map(e -> e.getKey() + " " + Table.num(e.getValue() / complaints))
                .collect(Collectors.joining(", "));
    }
}
