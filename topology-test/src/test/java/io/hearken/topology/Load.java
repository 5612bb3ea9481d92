package io.hearken.topology;

import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import io.hearken.embedded.EmbeddedMail;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Complaints offered as residents and the call centre offer them: keyed web requests retried until answered, mails
 * into the complaints inbox over SMTP, transcript files renamed into the hotline inbox. Each carries its run's
 * marker ({@link Offered#marker}).
 */
final class Load implements AutoCloseable {

    static final List<String> MIXED = List.of("WEB", "EMAIL", "HOTLINE");

    private final Topology topology;
    private final String run;
    private final ExecutorService clients = Executors.newFixedThreadPool(16);
    /** Web requests that got no answer (or a 5xx) and were sent again with the same key. */
    final AtomicInteger webRetries = new AtomicInteger();

    Load(Topology topology, String run) {
        this.topology = topology;
        this.run = run;
    }

    /**
     * A steady load: {@code count} complaints over {@code span}, the channels taken in turn from {@code channels};
     * returns at once, the future completes when every one was accepted (a web request retried until answered).
     */
    CompletableFuture<List<Offered>> steady(int count, Duration span, List<String> channels, Duration patience) {
        List<CompletableFuture<Offered>> all = new ArrayList<>();
        long start = System.nanoTime();
        return CompletableFuture.supplyAsync(() -> {
            for (int k = 0; k < count; k++) {
                long due = start + span.toNanos() * k / count;
                sleepUntil(due);
                String channel = channels.get(k % channels.size());
                int key = k;
                all.add(switch (channel) {
                    case "WEB" -> CompletableFuture.supplyAsync(() -> webUntilAnswered(key, patience), clients);
                    case "EMAIL" -> CompletableFuture.completedFuture(mail(key));
                    default -> CompletableFuture.completedFuture(transcript(key, List.of(key)).get(0));
                });
            }
            return all.stream().map(CompletableFuture::join).toList();
        });
    }

    /** One keyed web request, sent again with its key (1 s apart) until the service answers it. */
    Offered webUntilAnswered(int k, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            Optional<String> id = web(k);
            if (id.isPresent()) {
                return webOffered(k).withId(id.get());
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("web request " + k + " of " + run + " unanswered for " + patience);
            }
            webRetries.incrementAndGet();
            sleepUntil(System.nanoTime() + TimeUnit.SECONDS.toNanos(1));
        }
    }

    Offered webOffered(int k) {
        return new Offered(Offered.marker(run, k), "WEB", resident(k), null);
    }

    /** One keyed submission; empty when the service gave no answer (killed, refusing) or answered 5xx. */
    Optional<String> web(int k) {
        Map<String, Object> body = new HashMap<>();
        body.put("email", resident(k));
        body.put("building", (k % 12 + 1) + "号楼");
        body.put("description", "楼道灯不亮，晚上看不见路 " + Offered.marker(run, k));
        body.put("language", "zh-CN");
        body.put("consent", true);
        try {
            Probe.Answer a = Probe.postJson(topology.service("intake-web").baseUrl() + "/api/v1/complaints", body,
                    Map.of("Idempotency-Key", run + "-" + k));
            return a.status() == 201 || a.status() == 200 ? Optional.of(a.body().path("id").asString()) : Optional.empty();
        } catch (RuntimeException noAnswer) {
            return Optional.empty();
        }
    }

    /** A mail from the resident to the complaints inbox, straight to the mail server (it is not what fails here). */
    Offered mail(int k) {
        String marker = Offered.marker(run, k);
        GreenMailUtil.sendTextEmail(EmbeddedMail.COMPLAINTS_ADDRESS, resident(k), "Rubbish not collected " + marker,
                "The bins behind block " + (k % 12 + 1) + " have not been emptied for a week. " + marker,
                new ServerSetup(topology.servers().mail().smtpPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        return new Offered(marker, "EMAIL", resident(k), null);
    }

    /** One JSON transcript file with the calls {@code ks}, written aside and renamed into the inbox. */
    List<Offered> transcript(int file, List<Integer> ks) {
        StringBuilder json = new StringBuilder("[");
        List<Offered> calls = new ArrayList<>();
        for (int k : ks) {
            String marker = Offered.marker(run, k);
            json.append(json.length() > 1 ? ",\n" : "").append("""
                    {"call_id": "%1$s", "start_time": "2026-11-23 09:05:00", "duration_s": 95,
                     "caller_number": "%2$s", "agent_id": "A003", "category": "安全", "location": "%3$d号楼 0502",
                     "summary": "北门门禁坏了，外来人员随便进出 %1$s",
                     "transcript": "坐席：您好，物业服务热线。\\n来电人：北门门禁坏了，晚上很不安全。 %1$s"}""".formatted(
                    marker, phone(k), k % 12 + 1));
            calls.add(new Offered(marker, "HOTLINE", null, null));
        }
        json.append("]");
        String name = run + "-f" + file + ".json";
        Path aside = topology.hotlineInbox().resolveSibling(name + ".part");
        try {
            Files.writeString(aside, json, StandardCharsets.UTF_8);
            Files.move(aside, topology.hotlineInbox().resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return calls;
    }

    String resident(int k) {
        return run + "-" + k + "@example.com";
    }

    /** A caller number of its own per call and run (two calls of one number may be taken as one matter). */
    private String phone(int k) {
        return "139" + String.format("%08d", Math.floorMod((run + "#" + k).hashCode(), 100_000_000));
    }

    private static void sleepUntil(long nanos) {
        long wait = nanos - System.nanoTime();
        if (wait > 0) {
            try {
                TimeUnit.NANOSECONDS.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    @Override
    public void close() {
        clients.shutdownNow();
    }
}
