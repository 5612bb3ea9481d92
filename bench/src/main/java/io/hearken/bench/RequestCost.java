package io.hearken.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The CPU one kind of request costs a running all-in-one (docs/BENCHMARKS.md, thirteenth session), for changes to
 * one request path measured before and after, outside the whole run:
 * <pre>
 * java -cp "bench/target/classes:bench/target/lib/*" io.hearken.bench.RequestCost get  &lt;url&gt; &lt;pid&gt; &lt;seconds&gt;
 * java -cp "bench/target/classes:bench/target/lib/*" io.hearken.bench.RequestCost post &lt;base&gt; &lt;pid&gt; &lt;rate&gt; &lt;warm-up s&gt; &lt;seconds&gt;
 * </pre>
 * {@code get}: 16 clients in a loop, as the raw HTTP limit; the process's CPU per request. {@code post}: the corpus's
 * complaints to {@code /api/v1/complaints} at a fixed rate (open loop), then the CPU per accepted complaint of the
 * request threads ({@code http-nio-*}) and of the whole process over the measured seconds. CPU from {@code /proc}.
 */
public final class RequestCost {

    private RequestCost() {
    }

    public static void main(String[] args) throws Exception {
        boolean get = args.length == 4 && args[0].equals("get");
        if (!get && !(args.length == 6 && args[0].equals("post"))) {
            System.err.println("usage: RequestCost get <url> <pid> <seconds>\n"
                    + "       RequestCost post <base url> <pid> <complaints/s> <warm-up seconds> <seconds>");
            System.exit(2);
        }
        long pid = Long.parseLong(args[2]);
        if (get) {
            get(URI.create(args[1]), pid, Integer.parseInt(args[3]));
        } else {
            post(HttpClient.newHttpClient(), args[1], pid, Integer.parseInt(args[3]), Integer.parseInt(args[4]), Integer.parseInt(args[5]));
        }
    }

    private static void get(URI uri, long pid, int seconds) throws Exception {
        long[] before = cpu(pid);
        long start = System.nanoTime();
        long done = RawLimits.gets(uri, seconds); // the raw HTTP limit's loop
        long[] after = cpu(pid);
        System.out.printf("%d GETs, %.0f/s; the process %.2f CPU-ms a request%n", done,
                done / ((System.nanoTime() - start) / 1e9), (after[1] - before[1]) / (double) done);
    }

    private static void post(HttpClient http, String base, long pid, int rate, int warmup, int seconds) throws Exception {
        String runTag = Long.toHexString(System.nanoTime());
        Corpus corpus = new Corpus(42, runTag);
        AtomicLong accepted = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long start = System.nanoTime();
        long[] before = null;
        long acceptedBefore = 0;
        for (long i = 0; ; i++) {
            long at = start + i * 1_000_000_000L / rate;
            long wait = at - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            double elapsed = (System.nanoTime() - start) / 1e9;
            if (before == null && elapsed >= warmup) {
                before = cpu(pid);
                acceptedBefore = accepted.get();
            }
            if (elapsed >= warmup + seconds) {
                break;
            }
            String body = corpus.json(corpus.next());
            http.sendAsync(HttpRequest.newBuilder(URI.create(base + "/api/v1/complaints"))
                            .header("Content-Type", "application/json")
                            .header("Idempotency-Key", "cost-" + runTag + "-" + i) // as the bench's steps send them
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(), HttpResponse.BodyHandlers.discarding())
                    .whenComplete((r, e) -> (e == null && r.statusCode() == 201 ? accepted : failed).incrementAndGet());
        }
        long[] after = cpu(pid);
        Thread.sleep(3000); // the last answers
        long measured = Math.max(1, accepted.get() - acceptedBefore);
        System.out.printf("%d accepted in the %d s measured (%d failed in all); CPU-ms per accepted complaint: "
                + "request threads %.2f, the process %.2f%n", measured, seconds, failed.get(),
                (after[0] - before[0]) / (double) measured, (after[1] - before[1]) / (double) measured);
    }

    /** {the request threads' CPU ms, the process's}, by {@link Machine}'s reading of /proc. */
    private static long[] cpu(long pid) {
        long requests = Machine.cpuMsByThreadGroup(pid).entrySet().stream()
                .filter(group -> group.getKey().startsWith("http-nio")).mapToLong(group -> group.getValue()).sum();
        return new long[] {requests, Machine.cpuMs(pid)};
    }
}
