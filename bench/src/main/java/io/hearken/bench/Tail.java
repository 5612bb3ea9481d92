package io.hearken.bench;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Follows {@code complaints.routed} and {@code notifications} (read_committed, as the services read them): when each
 * complaint's first routing became visible, and when the notifier recorded its acknowledgement mail as sent (the
 * ledger record follows the SMTP server's acceptance). Counts first routings by channel, and the records on
 * {@code intake.email} (the mail channel's own rate, before the router).
 */
final class Tail implements AutoCloseable {

    /** complaint id → wall-clock ms when its first routing was read here. */
    final Map<String, Long> routedAt = new ConcurrentHashMap<>();
    /** complaint id → the ledger record's timestamp (ms) of its acknowledgement mail. */
    final Map<String, Long> acknowledgedAt = new ConcurrentHashMap<>();
    final Map<String, AtomicLong> routedByChannel = new ConcurrentHashMap<>();
    private final AtomicLong mailIntake = new AtomicLong();
    private final ObjectMapper json = new ObjectMapper();
    private final KafkaConsumer<String, String> consumer;
    private final Thread thread;
    private volatile boolean running = true;

    Tail(Kafka kafka) throws Exception {
        consumer = kafka.consumer();
        consumer.assign(kafka.partitions(Set.of("complaints.routed", "notifications", "intake.email")));
        consumer.seekToBeginning(consumer.assignment());
        thread = new Thread(this::run, "bench-tail");
        thread.setDaemon(true);
        thread.start();
    }

    long routed(String channel) {
        AtomicLong n = routedByChannel.get(channel);
        return n == null ? 0 : n.get();
    }

    /** Records read from {@code intake.email} (complaints and follow-ups from mail, as Kafka acknowledged them). */
    long mailIntake() {
        return mailIntake.get();
    }

    private void run() {
        while (running) {
            for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(100))) {
                long now = System.currentTimeMillis();
                if (r.topic().equals("intake.email")) {
                    mailIntake.incrementAndGet();
                    continue;
                }
                try {
                    take(r, now);
                } catch (RuntimeException e) {
                    // a record we cannot read (e.g. sealed fields) counts by its key only
                    if (r.topic().equals("complaints.routed") && r.key() != null) {
                        if (routedAt.putIfAbsent(r.key(), now) == null) {
                            routedByChannel.computeIfAbsent("?", c -> new AtomicLong()).incrementAndGet();
                        }
                    }
                }
            }
        }
        consumer.close();
    }

    private void take(ConsumerRecord<String, String> r, long now) {
        if (r.key() == null || r.value() == null) {
            return;
        }
        JsonNode v = json.readTree(r.value());
        if (r.topic().equals("complaints.routed")) {
            if (routedAt.putIfAbsent(r.key(), now) == null) {
                String channel = v.path("complaint").path("channel").asString("?").toLowerCase();
                routedByChannel.computeIfAbsent(channel, c -> new AtomicLong()).incrementAndGet();
            }
        } else if ("notification-sent".equals(v.path("type").asString(""))
                && "acknowledgement".equals(v.path("kind").asString(""))) {
            acknowledgedAt.putIfAbsent(r.key(), r.timestamp());
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(5_000);
    }
}
