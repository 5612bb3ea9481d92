package io.hearken.events.kafka;

import io.hearken.events.store.LocalStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.support.serializer.SerializationUtils;

/**
 * Reads a whole topic from its beginning and keeps following it on its own thread. No consumer group and no
 * committed offsets: every instance sees every partition, so the state built from the topic (the notifier's
 * complaint directory and dedupe ledger, the desk's board) survives restarts and scaling out without a database.
 * Reads committed records only (the router writes in transactions). Rebuild only from a topic that never expires
 * ({@link TopicKind#STATE}), or accept losing what is older than its retention.
 */
public final class TopicTail<V> {

    private static final Logger log = LoggerFactory.getLogger(TopicTail.class);

    private final String topic;
    private final ConsumerFactory<String, V> factory;
    private final TimedSink<V> sink;
    private final boolean tombstones;
    private final CountDownLatch caughtUp = new CountDownLatch(1);
    private final Queue<CompletableFuture<Void>> syncRequests = new ConcurrentLinkedQueue<>();
    /** Requests whose end offsets are known, waiting to be reached (tail thread only). */
    private final List<Sync> syncing = new ArrayList<>();
    /** Records to read at start (end offsets minus beginnings, markers included) and read of them so far. */
    private volatile long startRecords = -1;
    private volatile long startRead;
    /** Records handed to the sink so far (only the tail's thread writes it): whether a wait sees progress. */
    private volatile long recordsRead;
    private volatile boolean running;
    private volatile org.apache.kafka.clients.consumer.Consumer<String, V> consumer;
    private Thread thread;
    /** The kept store the sink writes to, and what empties the rest of the view; null: read from the beginning. */
    private LocalStore store;
    private Runnable rebuild;
    /** The topic's id once described (kept stores only), and partition → offset to read next (tail thread only). */
    private volatile String topicId;
    private final Map<Integer, Long> next = new HashMap<>();

    /** Takes a record's key, value (null for a tombstone) and timestamp (epoch milliseconds, as Kafka stamped it). */
    @FunctionalInterface
    public interface TimedSink<V> {
        void accept(String key, V value, long timestamp);
    }

    /** How far the first read of the topic got: {@code read} of the {@code total} offsets there at start. */
    public record Progress(String topic, boolean caughtUp, long read, long total) {
    }

    private record Sync(Map<TopicPartition, Long> end, List<CompletableFuture<Void>> waiting) {
    }

    /** Hands each value to {@code sink}; tombstones and unreadable records are skipped. */
    public TopicTail(String topic, ConsumerFactory<String, V> factory, Consumer<V> sink) {
        this(topic, factory, (key, value, timestamp) -> sink.accept(value), false);
    }

    private TopicTail(String topic, ConsumerFactory<String, V> factory, TimedSink<V> sink, boolean tombstones) {
        this.topic = topic;
        this.factory = factory;
        this.sink = sink;
        this.tombstones = tombstones;
    }

    /** Hands each key and value to {@code sink}, a tombstone (a deleted key) as a null value. */
    public static <V> TopicTail<V> keyed(String topic, ConsumerFactory<String, V> factory, BiConsumer<String, V> sink) {
        return new TopicTail<>(topic, factory, (key, value, timestamp) -> sink.accept(key, value), true);
    }

    /** As {@link #keyed}, with each record's timestamp: when a tombstone was written tells when something ended. */
    public static <V> TopicTail<V> timed(String topic, ConsumerFactory<String, V> factory, TimedSink<V> sink) {
        return new TopicTail<>(topic, factory, sink, true);
    }

    /**
     * Keeps this tail's position in {@code store}, the {@link LocalStore#openKept kept store} its sink writes to:
     * at start it reads on from the position the store was closed at, if {@link KeptTopic} allows; otherwise it
     * empties the store, runs {@code rebuild} (the view's own part in memory goes too) and reads from the beginning.
     * {@link #stop} hands the store the position reached. Call before {@link #start}.
     */
    public synchronized TopicTail<V> keptIn(LocalStore store, Runnable rebuild) {
        if (thread != null) {
            throw new IllegalStateException("the tail of " + topic + " has started");
        }
        this.store = store;
        this.rebuild = rebuild;
        return this;
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = new Thread(this::run, "tail-" + topic);
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
            if (store != null && topicId != null && !thread.isAlive()) {
                store.keepAt(topic, topicId, Map.copyOf(next)); // everything before it went through the sink
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
        return awaitCurrent(timeout, timeout);
    }

    /**
     * As {@link #awaitCurrent(Duration)}, for as long as the tail keeps reading: {@code false} once no record was
     * read for {@code stalled}, or after {@code atMost}. A long topic read at start takes minutes, a stuck one none.
     */
    public boolean awaitCurrent(Duration stalled, Duration atMost) {
        CompletableFuture<Void> reached = new CompletableFuture<>();
        syncRequests.add(reached);
        var c = consumer;
        if (c != null) {
            c.wakeup(); // answered now, not after the poll in progress times out
        }
        long start = System.nanoTime();
        long progressAt = start;
        long seen = recordsRead;
        try {
            while (true) {
                try {
                    reached.get(Math.min(250, stalled.toMillis()), TimeUnit.MILLISECONDS);
                    return true;
                } catch (TimeoutException e) {
                    long now = System.nanoTime();
                    if (recordsRead != seen) {
                        seen = recordsRead;
                        progressAt = now;
                    }
                    if (now - progressAt >= stalled.toNanos() || now - start >= atMost.toNanos()) {
                        reached.cancel(false);
                        return false;
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException e) {
            reached.cancel(false);
            return false;
        }
    }

    /** How much of what was on the topic at start has been read (total -1 before the tail knows its end). */
    public Progress progress() {
        boolean done = caughtUp.getCount() == 0;
        long total = startRecords;
        return new Progress(topic, done, done ? total : Math.min(startRead, total), total);
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
        overrides.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (var c = factory.createConsumer(null, "tail-" + topic, null, overrides)) {
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
            Map<TopicPartition, Long> end = c.endOffsets(partitions);
            Map<TopicPartition, Long> begin = start(c, partitions, c.beginningOffsets(partitions), end);
            if (caughtUp.getCount() > 0) {
                startRecords = partitions.stream().mapToLong(p -> end.get(p) - begin.get(p)).sum();
            }
            while (running) {
                try {
                    for (ConsumerRecord<String, V> record : c.poll(Duration.ofMillis(200))) {
                        recordsRead++;
                        next.put(record.partition(), record.offset() + 1);
                        if (record.value() != null || tombstones && !unreadable(record)) {
                            try {
                                sink.accept(record.key(), record.value(), record.timestamp());
                            } catch (RuntimeException e) {
                                log.warn("Skipping a record at {}-{}@{}: {}", topic, record.partition(),
                                        record.offset(), e.toString());
                            }
                        }
                    }
                    if (caughtUp.getCount() > 0) {
                        startRead = partitions.stream().mapToLong(p -> Math.min(c.position(p), end.get(p)) - begin.get(p)).sum();
                        if (partitions.stream().allMatch(p -> c.position(p) >= end.get(p))) {
                            log.info("Read {} up to where it stood at start-up ({} records)", topic, startRecords);
                            caughtUp.countDown();
                        }
                    }
                    answerSyncRequests(c, partitions);
                } catch (WakeupException e) {
                    if (!running) {
                        throw e; // stopping; otherwise awaitCurrent only cut a wait short
                    }
                }
            }
        } finally {
            consumer = null;
        }
    }

    /**
     * Positions the consumer where this reading starts and answers it: the beginning; for a kept store, where the
     * store was closed if it may read on from there, and where this run got to when it reads the topic again after
     * an error.
     */
    private Map<TopicPartition, Long> start(org.apache.kafka.clients.consumer.Consumer<String, V> c,
            List<TopicPartition> partitions, Map<TopicPartition, Long> begin, Map<TopicPartition, Long> end) {
        if (store == null) {
            c.seekToBeginning(partitions);
            return begin;
        }
        Map<TopicPartition, Long> from = new HashMap<>(begin);
        if (topicId == null) { // the first reading of this run
            resumeOrRebuild(partitions, begin, end).ifPresent(from::putAll);
        } else {
            partitions.forEach(p -> from.computeIfPresent(p,
                    (tp, first) -> Math.max(first, next.getOrDefault(p.partition(), first))));
        }
        from.forEach(c::seek);
        from.forEach((p, offset) -> next.put(p.partition(), offset));
        return from;
    }

    /** The kept store's positions if it may read on from them; otherwise empties the view (and answers nothing). */
    private Optional<Map<TopicPartition, Long>> resumeOrRebuild(List<TopicPartition> partitions,
            Map<TopicPartition, Long> begin, Map<TopicPartition, Long> end) {
        var kept = store.kept();
        String why;
        try {
            KeptTopic now = KeptTopic.describe(factory.getConfigurationProperties(), topic, byPartition(begin),
                    byPartition(end));
            topicId = now.topicId();
            why = kept.isEmpty() ? "its store opened empty" : now.whyNotResume(topic, kept.get(), Instant.now());
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            why = "the topic could not be described (" + e + ")"; // the position cannot be checked: not kept either
        }
        if (why == null) {
            Map<TopicPartition, Long> from = new HashMap<>();
            partitions.forEach(p -> from.put(p, kept.get().offsets().get(p.partition())));
            log.info("Reading {} on from where its store was closed at {}: {} records behind", topic,
                    kept.get().closedAt(), partitions.stream().mapToLong(p -> end.get(p) - from.get(p)).sum());
            return Optional.of(from);
        }
        log.info("Reading {} from its beginning: {}", topic, why);
        if (kept.isPresent()) {
            store.clear();
            rebuild.run();
        }
        return Optional.empty();
    }

    private static Map<Integer, Long> byPartition(Map<TopicPartition, Long> offsets) {
        Map<Integer, Long> by = new HashMap<>();
        offsets.forEach((p, offset) -> by.put(p.partition(), offset));
        return by;
    }

    /** A null value that the error-handling deserializer made of a record it could not read: not a tombstone. */
    private static boolean unreadable(ConsumerRecord<?, ?> record) {
        Header failed = record.headers().lastHeader(SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER);
        return failed != null;
    }

    /** On this thread, as the consumer is not thread-safe: one end-offsets call for all requests waiting. */
    private void answerSyncRequests(org.apache.kafka.clients.consumer.Consumer<String, V> c,
            List<TopicPartition> partitions) {
        if (!syncRequests.isEmpty()) {
            List<CompletableFuture<Void>> asked = new ArrayList<>();
            for (CompletableFuture<Void> f; (f = syncRequests.poll()) != null; ) {
                asked.add(f);
            }
            try {
                syncing.add(new Sync(c.endOffsets(partitions), asked)); // end offsets taken after every request
            } catch (RuntimeException e) {
                syncRequests.addAll(asked); // asked again at the next turn
                throw e;
            }
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
