import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * End-to-end throughput and latency of the running all-in-one: N complaints through
 * POST /api/v1/complaints, then how long until Elasticsearch's `complaints` index holds them all.
 *
 *   java bench/IntakeToIndexBench.java [count=5000] [concurrency=64] [web=http://localhost:8080] [es=http://127.0.0.1:9200]
 *
 * Bounded: it sends `count` requests and waits at most 5 minutes for indexing. Loopback only.
 */
public class IntakeToIndexBench {

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 64;
        String web = args.length > 2 ? args[2] : "http://localhost:8080";
        String es = args.length > 3 ? args[3] : "http://127.0.0.1:9200";
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

        long before = indexed(http, es);
        String[] texts = {"三号楼电梯困人，请尽快处理", "楼道垃圾三天没人清理", "The heating in room 204 has been off since Monday",
                "物业费账单金额有误", "楼上每晚装修噪音到十一点", "Parking lot lights are broken, unsafe at night"};
        Semaphore inFlight = new Semaphore(concurrency);
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        List<CompletableFuture<?>> all = new ArrayList<>();
        int[] failed = {0};
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            String body = "{\"name\":\"Bench " + i + "\",\"email\":\"bench" + i + "@example.com\",\"building\":\"" + (i % 40)
                    + "号楼\",\"unit\":\"" + (100 + i % 900) + "\",\"subject\":\"bench\",\"description\":\""
                    + texts[i % texts.length] + " #" + i + "\",\"language\":\"zh-CN\",\"consent\":true}";
            inFlight.acquire();
            long sent = System.nanoTime();
            all.add(http.sendAsync(HttpRequest.newBuilder(URI.create(web + "/api/v1/complaints"))
                            .header("Content-Type", "application/json").header("Idempotency-Key", "bench-" + start + "-" + i)
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding())
                    .whenComplete((r, e) -> {
                        inFlight.release();
                        latencies.add(System.nanoTime() - sent);
                        if (e != null || r.statusCode() != 201) {
                            synchronized (failed) {
                                failed[0]++;
                            }
                        }
                    }));
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
        double accepted = (System.nanoTime() - start) / 1e9;
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        long target = before + count - failed[0];
        long now = indexed(http, es);
        while (now < target && System.nanoTime() < deadline) {
            Thread.sleep(200);
            now = indexed(http, es);
        }
        double total = (System.nanoTime() - start) / 1e9;
        List<Long> sorted = latencies.stream().sorted().toList();
        System.out.printf("requests=%d failed=%d concurrency=%d%n", count, failed[0], concurrency);
        System.out.printf("accepted_per_s=%.0f (all 201s in %.2f s)%n", count / accepted, accepted);
        System.out.printf("request_latency_ms p50=%.1f p99=%.1f max=%.1f%n", pct(sorted, 50), pct(sorted, 99), pct(sorted, 100));
        System.out.printf("indexed=%d of %d, intake_to_indexed_per_s=%.0f (%.2f s)%n", now - before, count - failed[0],
                (now - before) / total, total);
    }

    static double pct(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int i = Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1);
        return sorted.get(Math.max(0, i)) / 1e6;
    }

    static long indexed(HttpClient http, String es) throws Exception {
        http.send(HttpRequest.newBuilder(URI.create(es + "/complaints/_refresh")).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.discarding());
        String body = http.send(HttpRequest.newBuilder(URI.create(es + "/complaints/_count")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = Pattern.compile("\"count\":(\\d+)").matcher(body);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }
}
