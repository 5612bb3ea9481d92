package io.hearken.notifier.kafka;

import io.hearken.events.ComplaintEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.ConsumerFactory;

/**
 * Reads a whole topic from its beginning and keeps following it on its own thread. No consumer group and no
 * committed offsets: every notifier instance sees every partition, so the state built from the topic (the
 * complaint directory, the dedupe ledger) survives restarts and scaling out without a database.
 */
public final class TopicTail {

    private static final Logger log = LoggerFactory.getLogger(TopicTail.class);

    private final String topic;
    private final ConsumerFactory<String, ComplaintEvent> factory;
    private final Consumer<ComplaintEvent> sink;
    private final CountDownLatch caughtUp = new CountDownLatch(1);
    private final Queue<CompletableFuture<Void>> syncRequests = new ConcurrentLinkedQueue<>();
    /** Requests whose end offsets are known, waiting to be reached (tail thread only). */
    private final List<Sync> syncing = new ArrayList<>();
    private volatile boolean running;
    private volatile org.apache.kafka.clients.consumer.Consumer<String, ComplaintEvent> consumer;
    private Thread thread;

    private record Sync(Map<TopicPartition, Long> end, List<CompletableFuture<Void>> waiting) {
    }

    public TopicTail(String topic, ConsumerFactory<String, ComplaintEvent> factory, Consumer<ComplaintEvent> sink) {
        this.topic = topic;
        this.factory = factory;
        this.sink = sink;
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = new Thread(this::run, "notifier-tail-" + topic);
        thread.setDaemon(true);
        thread.start();
    }

    public synchronized void stop() {
        running = false;
        var c = consumer;
        if (c != null) {
            c.wakeup();
        }
        if (thread != null) {
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public boolean isRunning() {
        return running;
    }

    /**
     * Waits until everything on the topic now (its end offsets at this call) has been read: read-your-writes for
     * records another instance wrote a moment ago. {@code false} on timeout.
     */
    public boolean awaitCurrent(Duration timeout) {
        CompletableFuture<Void> reached = new CompletableFuture<>();
        syncRequests.add(reached);
        try {
            reached.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException e) {
            reached.cancel(false);
            return false;
        }
    }

    /** {@code true} once everything that was on the topic when the tail started has been read. */
    public boolean awaitCaughtUp(Duration timeout) {
        try {
            return caughtUp.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void run() {
        while (running) {
            try {
                follow();
            } catch (WakeupException e) {
                // stopping
            } catch (RuntimeException e) {
                log.warn("Reading {} failed, starting over in 2 s: {}", topic, e.toString());
                pause(2_000);
            }
        }
    }

    private void follow() {
        Properties overrides = new Properties();
        overrides.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        overrides.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (var c = factory.createConsumer(null, "notifier-tail-" + topic, null, overrides)) {
            consumer = c;
            List<TopicPartition> partitions = List.of();
            while (running && partitions.isEmpty()) {
                partitions = c.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                        .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
                if (partitions.isEmpty()) {
                    pause(500);
                }
            }
            c.assign(partitions);
            c.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = c.endOffsets(partitions);
            while (running) {
                for (ConsumerRecord<String, ComplaintEvent> record : c.poll(Duration.ofMillis(200))) {
                    if (record.value() != null) {
                        try {
                            sink.accept(record.value());
                        } catch (RuntimeException e) {
                            log.warn("Skipping {} at {}-{}@{}: {}", record.value().getClass().getSimpleName(), topic,
                                    record.partition(), record.offset(), e.toString());
                        }
                    }
                }
                if (caughtUp.getCount() > 0 && partitions.stream().allMatch(p -> c.position(p) >= end.get(p))) {
                    log.info("Read {} up to where it stood at start-up", topic);
                    caughtUp.countDown();
                }
                answerSyncRequests(c, partitions);
            }
        } finally {
            consumer = null;
        }
    }

    /** On this thread, as the consumer is not thread-safe: one end-offsets call for all requests waiting. */
    private void answerSyncRequests(org.apache.kafka.clients.consumer.Consumer<String, ComplaintEvent> c,
            List<TopicPartition> partitions) {
        if (!syncRequests.isEmpty()) {
            List<CompletableFuture<Void>> asked = new ArrayList<>();
            for (CompletableFuture<Void> f; (f = syncRequests.poll()) != null; ) {
                asked.add(f);
            }
            syncing.add(new Sync(c.endOffsets(partitions), asked));
        }
        syncing.removeIf(sync -> {
            if (sync.end().entrySet().stream().allMatch(e -> c.position(e.getKey()) >= e.getValue())) {
                sync.waiting().forEach(f -> f.complete(null));
                return true;
            }
            return false;
        });
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
