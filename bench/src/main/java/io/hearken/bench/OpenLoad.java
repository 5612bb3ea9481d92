package io.hearken.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Open-loop load: complaints POSTed to {@code /api/v1/complaints} on a fixed schedule (the i-th at start + i/rate),
 * whether or not earlier ones were answered, as residents do. If more than {@link #MAX_IN_FLIGHT} are unanswered the
 * sender skips the slot and counts it: the offered rate was not delivered, so the step cannot count as sustained.
 */
final class OpenLoad {

    static final int MAX_IN_FLIGHT = 2_000;
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"(HK-[A-Z0-9-]+)\"");

    record Result(int offered, long sent, long accepted, long failed, long skipped, Map<String, Long> sentAt,
            List<Long> latenciesMicros) {
    }

    private final HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(8))
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String web;
    private final Corpus corpus;
    private final String runTag;
    private long requestSeq;

    OpenLoad(String web, Corpus corpus, String runTag) {
        this.web = web;
        this.corpus = corpus;
        this.runTag = runTag;
    }

    /** Offers {@code rate}/s for {@code seconds}, calls {@code atScheduleEnd}, returns once every request was answered. */
    Result run(int rate, int seconds, Runnable atScheduleEnd) throws InterruptedException {
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicLong accepted = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicInteger inFlight = new AtomicInteger();
        long total = (long) rate * seconds;
        long skipped = 0;
        long start = System.nanoTime();
        for (long i = 0; i < total; i++) {
            long due = start + i * 1_000_000_000L / rate;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            if (inFlight.get() >= MAX_IN_FLIGHT) {
                skipped++;
                continue;
            }
            String body = corpus.json(corpus.next());
            long sentNanos = System.nanoTime();
            long sentWall = System.currentTimeMillis();
            inFlight.incrementAndGet();
            http.sendAsync(HttpRequest.newBuilder(URI.create(web + "/api/v1/complaints"))
                            .header("Content-Type", "application/json")
                            .header("Idempotency-Key", "bench-" + runTag + "-" + requestSeq++)
                            .timeout(Duration.ofSeconds(60))
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString())
                    .whenComplete((r, e) -> {
                        latencies.add((System.nanoTime() - sentNanos) / 1_000);
                        inFlight.decrementAndGet();
                        Matcher m = r == null ? null : ID.matcher(r.body());
                        if (e == null && r.statusCode() == 201 && m.find()) {
                            accepted.incrementAndGet();
                            sentAt.put(m.group(1), sentWall);
                        } else {
                            failed.incrementAndGet();
                        }
                    });
        }
        atScheduleEnd.run();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return new Result(rate, total - skipped, accepted.get(), failed.get(), skipped, sentAt, List.copyOf(latencies));
    }
}
