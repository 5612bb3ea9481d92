package io.hearken.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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

    private static final double MS_PER_TICK = 10; // USER_HZ 100

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
        HttpClient http = HttpClient.newHttpClient();
        if (get) {
            get(http, URI.create(args[1]), pid, Integer.parseInt(args[3]));
        } else {
            post(http, args[1], pid, Integer.parseInt(args[3]), Integer.parseInt(args[4]), Integer.parseInt(args[5]));
        }
    }

    private static void get(HttpClient http, URI uri, long pid, int seconds) throws Exception {
        long[] before = cpu(pid);
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        AtomicLong done = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<?>> clients = new ArrayList<>();
        for (int t = 0; t < 16; t++) {
            clients.add(pool.submit(() -> {
                while (System.nanoTime() < end) {
                    if (http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding()).statusCode() != 200) {
                        throw new IllegalStateException("GET " + uri + " did not answer 200");
                    }
                    done.incrementAndGet();
                }
                return null;
            }));
        }
        for (Future<?> client : clients) {
            client.get();
        }
        pool.shutdown();
        long[] after = cpu(pid);
        System.out.printf("%d GETs, %.0f/s; the process %.2f CPU-ms a request%n", done.get(),
                done.get() / ((System.nanoTime() - start) / 1e9), (after[1] - before[1]) * MS_PER_TICK / done.get());
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
                (after[0] - before[0]) * MS_PER_TICK / measured, (after[1] - before[1]) * MS_PER_TICK / measured);
    }

    /** {request threads' ticks, the process's ticks}: user and system time of each thread in /proc. */
    private static long[] cpu(long pid) throws Exception {
        long requests = 0;
        long all = 0;
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks) {
                String stat;
                try {
                    stat = Files.readString(task.resolve("stat"));
                } catch (java.io.IOException gone) {
                    continue; // the thread ended meanwhile
                }
                int close = stat.lastIndexOf(')');
                String name = stat.substring(stat.indexOf('(') + 1, close);
                String[] fields = stat.substring(close + 2).split(" ");
                long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                all += ticks;
                requests += name.startsWith("http-nio") ? ticks : 0;
            }
        }
        return new long[] {requests, all};
    }
}
