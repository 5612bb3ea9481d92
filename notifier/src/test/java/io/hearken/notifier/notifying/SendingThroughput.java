package io.hearken.notifier.notifying;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearken.events.ComplaintEvent;
import io.hearken.events.ComplaintRouted;
import io.hearken.events.Contact;
import io.hearken.events.NotificationSent;
import io.hearken.events.Topics;
import io.hearken.events.TrackingIds;
import io.hearken.events.json.EventJson;
import io.hearken.embedded.EmbeddedServers;
import io.hearken.notifier.NotifierTestSupport;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

/**
 * Not part of the suite (the name does not end in Test): acknowledgements at an offered rate through the real
 * listener, SMTP server and ledger of this JVM. Prints first routing → {@code NotificationSent} (record timestamps)
 * p50/p99, mails/s, the CPU-ms per mail of the notifier's threads and of the SMTP server's, and where the sending
 * threads spend their time (stack samples every 10 ms). Asserts only that every mail was recorded once.
 * {@code ./mvnw -B -ntp -q -o -pl notifier -am test -Dtest=SendingThroughput -Dsurefire.failIfNoSpecifiedTests=false
 * -Dthroughput.rate=100 -Dthroughput.seconds=20}
 */
class SendingThroughput extends NotifierTestSupport {

    static final int RATE = Integer.getInteger("throughput.rate", 100);
    static final int SECONDS = Integer.getInteger("throughput.seconds", 20);

    @Test
    void acknowledgementsAtAnOfferedRate() throws Exception {
        warmUp();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<String, Long> cpuBefore = cpuByGroup(threads);
        Map<String, Integer> where = new ConcurrentHashMap<>();
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        sampler.scheduleAtFixedRate(() -> sample(threads, where), 10, 10, TimeUnit.MILLISECONDS);
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        long start = System.nanoTime();
        int total = RATE * SECONDS;
        for (int i = 0; i < total; i++) {
            long due = start + (long) (i * 1e9 / RATE);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            ComplaintRouted r = routed(TrackingIds.next(), new Contact("Resident " + i, uniqueAddress("load"), null),
                    i % 2 == 0 ? "en" : "zh-CN", "maintenance");
            sentAt.put(r.complaintId().value(), System.currentTimeMillis());
            kafka.send(Topics.ROUTED, r.complaintId().value(), r);
        }
        kafka.flush();
        Map<String, Long> ackAt = readAcknowledgements(sentAt.keySet(), Duration.ofMinutes(3));
        long end = System.nanoTime();
        sampler.shutdownNow();
        Map<String, Long> cpuAfter = cpuByGroup(threads);

        List<Long> latencies = new ArrayList<>();
        long lastAck = 0;
        for (Map.Entry<String, Long> e : ackAt.entrySet()) {
            latencies.add(e.getValue() - sentAt.get(e.getKey()));
            lastAck = Math.max(lastAck, e.getValue());
        }
        Collections.sort(latencies);
        long firstSent = Collections.min(sentAt.values());
        System.out.printf("%nTHROUGHPUT %d/s offered for %d s: %d of %d acknowledged; p50 %d ms, p99 %d ms, max %d ms;"
                + " %.1f mails/s first send → last record%n", RATE, SECONDS, ackAt.size(), total, pct(latencies, 50),
                pct(latencies, 99), latencies.get(latencies.size() - 1), ackAt.size() / ((lastAck - firstSent) / 1000.0));
        cpuAfter.forEach((group, ns) -> System.out.printf("THROUGHPUT CPU-ms per mail %-28s %.2f%n", group,
                (ns - cpuBefore.getOrDefault(group, 0L)) / 1e6 / ackAt.size()));
        int samples = where.values().stream().mapToInt(Integer::intValue).sum();
        new TreeMap<>(where).entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(14)
                .forEach(e -> System.out.printf("THROUGHPUT sending threads %5.1f %% %s%n", 100.0 * e.getValue() / samples,
                        e.getKey()));
        System.out.printf("THROUGHPUT wall %.1f s%n", (end - start) / 1e9);
        assertThat(ackAt).hasSize(total);
    }

    private void warmUp() throws Exception {
        Set<String> ids = ConcurrentHashMap.newKeySet();
        for (int i = 0; i < 300; i++) {
            ComplaintRouted r = routed(TrackingIds.next(), new Contact("Warm " + i, uniqueAddress("warm"), null), "en",
                    "cleaning");
            ids.add(r.complaintId().value());
            kafka.send(Topics.ROUTED, r.complaintId().value(), r);
            TimeUnit.MILLISECONDS.sleep(10);
        }
        kafka.flush();
        readAcknowledgements(ids, Duration.ofMinutes(3));
    }

    /** The time of each complaint's acknowledgement record on {@code notifications}. */
    private static Map<String, Long> readAcknowledgements(Set<String> ids, Duration limit) {
        Map<String, Long> at = new HashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedServers.current().kafka().bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.NOTIFICATIONS).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + limit.toNanos();
            while (at.size() < ids.size() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (ids.contains(r.key())) {
                        ComplaintEvent e = EventJson.mapper().readValue(r.value(), ComplaintEvent.class);
                        if (e instanceof NotificationSent s && "acknowledgement".equals(s.kind())) {
                            at.putIfAbsent(r.key(), r.timestamp());
                        }
                    }
                });
            }
        }
        return at;
    }

    private static Map<String, Long> cpuByGroup(ThreadMXBean threads) {
        Map<String, Long> cpu = new TreeMap<>();
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null) {
                long ns = threads.getThreadCpuTime(info.getThreadId());
                if (ns > 0) {
                    cpu.merge(group(info.getThreadName()), ns, Long::sum);
                }
            }
        }
        return cpu;
    }

    private static String group(String name) {
        if (name.startsWith("notifier-send")) {
            return "notifier-send-*";
        }
        if (name.startsWith("notifier-mail")) {
            return "notifier-mail consumers";
        }
        if (name.startsWith("smtp:") || name.startsWith("mail-disk")) {
            return "SMTP server (embedded)";
        }
        if (name.startsWith("kafka-producer-network-thread")) {
            return "producer network threads";
        }
        if (name.startsWith("tail-")) {
            return "tails (ledger, directory)";
        }
        return "other";
    }

    /** Where each sending thread is: the first frame of ours or of the library it waits in. */
    private static void sample(ThreadMXBean threads, Map<String, Integer> where) {
        for (ThreadInfo info : threads.dumpAllThreads(false, false, 40)) {
            if (!info.getThreadName().startsWith("notifier-send")) {
                continue;
            }
            String at = "other";
            for (StackTraceElement frame : info.getStackTrace()) {
                String c = frame.getClassName();
                if (c.startsWith("java.util.concurrent.ThreadPoolExecutor") && frame.getMethodName().equals("getTask")) {
                    at = "idle (waiting for a task)";
                    break;
                }
                if (c.startsWith("io.hearken") || c.startsWith("jakarta.mail") || c.startsWith("org.eclipse.angus")
                        || c.startsWith("org.thymeleaf") || c.startsWith("org.rocksdb")
                        || c.startsWith("org.apache.kafka")) {
                    at = c.substring(c.lastIndexOf('.') + 1) + "." + frame.getMethodName();
                    break;
                }
            }
            where.merge(at, 1, Integer::sum);
        }
    }

    private static long pct(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
