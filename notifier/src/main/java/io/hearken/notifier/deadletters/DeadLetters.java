package io.hearken.notifier.deadletters;

import io.hearken.events.ComplaintEvent;
import io.hearken.notifier.NotifierTopics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.stereotype.Component;

/**
 * Inspecting and replaying {@link NotifierTopics#DEAD_LETTERS}. A replay puts every dead letter not replayed
 * before onto {@link NotifierTopics#RETRY}, which the mail listener reads like any complaint topic (so the
 * dedupe ledger keeps it to one mail, and a new failure dead-letters it again), then commits the position of
 * the group {@value #GROUP}. Records that cannot be read as events stay where they are, counted as skipped.
 */
@Component("notifierDeadLetters")
public class DeadLetters {

    static final String GROUP = "notifier-dead-letter-replay";
    private static final Duration READ_LIMIT = Duration.ofSeconds(30);

    public record Entry(int partition, long offset, String key, String type, String originalTopic, String error) {
    }

    public record Replay(int replayed, int skipped, List<Entry> entries) {
    }

    private final ConsumerFactory<String, ComplaintEvent> consumers;
    private final KafkaOperations<String, ComplaintEvent> kafka;

    DeadLetters(ConsumerFactory<String, ComplaintEvent> consumers, KafkaOperations<String, ComplaintEvent> kafka) {
        this.consumers = consumers;
        this.kafka = kafka;
    }

    /** Dead letters a replay would take, oldest first, at most {@code max}. */
    public synchronized List<Entry> pending(int max) {
        List<Entry> entries = new ArrayList<>();
        read((record, entry) -> {
            if (entries.size() < max) {
                entries.add(entry);
            }
        }, false);
        return entries;
    }

    public synchronized Replay replay() {
        List<Entry> replayed = new ArrayList<>();
        int[] skipped = {0};
        read((record, entry) -> {
            if (record.value() == null) {
                skipped[0]++;
                return;
            }
            try {
                kafka.send(NotifierTopics.RETRY, record.key(), record.value()).get(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted during replay", e);
            } catch (ExecutionException | TimeoutException e) {
                throw new IllegalStateException("could not put a dead letter back: " + e.getMessage(), e);
            }
            replayed.add(entry);
        }, true);
        return new Replay(replayed.size(), skipped[0], replayed);
    }

    private void read(BiConsumer<ConsumerRecord<String, ComplaintEvent>, Entry> each, boolean commit) {
        Properties overrides = new Properties();
        overrides.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        overrides.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (Consumer<String, ComplaintEvent> c = consumers.createConsumer(GROUP, "notifier-dlt-reader", null,
                overrides)) {
            List<TopicPartition> partitions = c.partitionsFor(NotifierTopics.DEAD_LETTERS, READ_LIMIT).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            c.assign(partitions);
            Map<TopicPartition, OffsetAndMetadata> committed = c.committed(Set.copyOf(partitions));
            for (TopicPartition p : partitions) {
                OffsetAndMetadata at = committed.get(p);
                if (at == null) {
                    c.seekToBeginning(List.of(p));
                } else {
                    c.seek(p, at.offset());
                }
            }
            Map<TopicPartition, Long> end = c.endOffsets(partitions);
            Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
            long deadline = System.nanoTime() + READ_LIMIT.toNanos();
            while (partitions.stream().anyMatch(p -> c.position(p) < end.get(p)) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, ComplaintEvent> record : c.poll(Duration.ofMillis(200))) {
                    TopicPartition p = new TopicPartition(record.topic(), record.partition());
                    if (record.offset() >= end.get(p)) {
                        continue;
                    }
                    each.accept(record, entry(record));
                    done.put(p, new OffsetAndMetadata(record.offset() + 1));
                }
            }
            if (commit && !done.isEmpty()) {
                c.commitSync(done);
            }
        }
    }

    private static Entry entry(ConsumerRecord<String, ComplaintEvent> record) {
        return new Entry(record.partition(), record.offset(), record.key(),
                record.value() == null ? null : record.value().getClass().getSimpleName(),
                header(record, KafkaHeaders.DLT_ORIGINAL_TOPIC), header(record, KafkaHeaders.DLT_EXCEPTION_MESSAGE));
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
