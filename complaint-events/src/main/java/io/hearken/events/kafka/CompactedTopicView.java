package io.hearken.events.kafka;

import io.hearken.events.store.LocalStateProperties;
import io.hearken.events.store.LocalStore;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * A compacted topic of text records (key → latest value) followed into memory: read from its beginning by a
 * {@link TopicTail} (no group, {@code read_committed}, every instance sees every partition), then kept current,
 * so a module's small ledger (idempotency keys, mails seen, calls processed) survives restarts and is shared by all
 * instances without another store. Connection and security settings come from Boot's {@link KafkaProperties}.
 * <p>
 * Read-your-writes: what this instance {@link #remember}s is answered at once and stays until the topic brings back
 * that same value for the key (records of one key are ordered), so an older record read late never hides a newer
 * local one. A tombstone, or a value {@code decode} answers {@code null} for, removes the key. Memory is the whole
 * topic: keep it bounded by compaction and, where old keys may go, by retention ({@link TopicCatalogue#window}); or,
 * for a view that grows with history, keep the entries on disk instead (a {@link LocalStore} under
 * {@code hearken.local-state.dir}, rebuilt from the topic at each start: the encoded text, decoded at each read).
 */
public final class CompactedTopicView<V> implements AutoCloseable {

    private final String topic;
    private final Function<String, V> decode;
    private final Function<V, String> encode;
    private final DefaultKafkaConsumerFactory<String, String> consumers;
    private final DefaultKafkaProducerFactory<String, String> producers;
    private final KafkaTemplate<String, String> template;
    private final ViewValues<V> values;
    /** Keys written here whose record the tail has not read back yet → the text written (guarded by itself). */
    private final Map<String, String> unconfirmed = new HashMap<>();
    private volatile TopicTail<String> tail;
    private boolean started;

    public CompactedTopicView(String topic, KafkaProperties kafka, Function<String, V> decode,
            Function<V, String> encode) {
        this(topic, kafka, decode, encode, null);
    }

    /** {@code onDisk}: where the entries are kept on disk; null keeps them in memory. */
    public CompactedTopicView(String topic, KafkaProperties kafka, Function<String, V> decode,
            Function<V, String> encode, LocalStateProperties onDisk) {
        this.topic = topic;
        this.values = onDisk == null ? ViewValues.onHeap()
                : ViewValues.onDisk(LocalStore.open(onDisk, "view-" + topic), decode);
        this.decode = decode;
        this.encode = encode;
        Map<String, Object> consumer = new HashMap<>(kafka.buildConsumerProperties());
        consumer.remove(ConsumerConfig.GROUP_ID_CONFIG); // assigned partitions, no group: every instance reads all
        this.consumers = new DefaultKafkaConsumerFactory<>(consumer, new StringDeserializer(), new StringDeserializer());
        Map<String, Object> producer = new HashMap<>(kafka.buildProducerProperties());
        producer.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG); // each record awaited on its own
        producer.put(ProducerConfig.ACKS_CONFIG, "all");
        producer.put(ProducerConfig.LINGER_MS_CONFIG, 0); // callers wait for each write: no point waiting for a batch
        producer.put(ProducerConfig.CLIENT_ID_CONFIG, "view-" + topic);
        this.producers = new DefaultKafkaProducerFactory<>(producer, new StringSerializer(), new StringSerializer());
        this.template = new KafkaTemplate<>(producers);
        this.tail = newTail();
    }

    /** Plain text records, one value per key. */
    public static CompactedTopicView<String> ofStrings(String topic, KafkaProperties kafka) {
        return new CompactedTopicView<>(topic, kafka, Function.identity(), Function.identity());
    }

    public String topic() {
        return topic;
    }

    /** Starts reading (idempotent). */
    public synchronized void start() {
        started = true;
        tail.start();
    }

    /** Starts reading if not yet, then waits until the topic as it stood at the start has been read. */
    public boolean awaitLoaded(Duration timeout) {
        start();
        return tail.awaitCaughtUp(timeout);
    }

    /** Waits until everything on the topic now has been read: what another instance wrote a moment ago. */
    public boolean awaitCurrent(Duration timeout) {
        start();
        return tail.awaitCurrent(timeout);
    }

    /**
     * Forgets everything and reads the topic again from its beginning, as a restarted instance would; waits until
     * loaded. {@code false} on timeout.
     */
    public boolean reload(Duration timeout) {
        synchronized (this) {
            tail.stop();
            synchronized (unconfirmed) {
                values.clear();
                unconfirmed.clear();
            }
            tail = newTail();
        }
        return awaitLoaded(timeout);
    }

    public Optional<V> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    /** What is known now (in memory a live view: do not hold on to it across writes; on disk a copy). */
    public Map<String, V> asMap() {
        return values.asMap();
    }

    public int size() {
        return values.size();
    }

    /** Known at once to this instance, until the topic brings back this value (or a newer one after it). */
    public void remember(String key, V value) {
        String text = encode.apply(value);
        synchronized (unconfirmed) {
            values.put(key, value, text);
            unconfirmed.put(key, text);
        }
    }

    /** Sends the record ({@code acks=all}); the future completes when Kafka has it. Memory is left as it is. */
    public CompletableFuture<Void> write(String key, V value) {
        return template.send(topic, key, value == null ? null : encode.apply(value)).thenApply(r -> null);
    }

    /** {@link #remember} then {@link #write}. */
    public CompletableFuture<Void> put(String key, V value) {
        remember(key, value);
        return write(key, value);
    }

    /** A plain text template on this view's producer, for other records of the same module. */
    public KafkaTemplate<String, String> template() {
        return template;
    }

    public boolean isRunning() {
        return tail.isRunning();
    }

    public synchronized void stop() {
        tail.stop();
    }

    @Override
    public synchronized void close() {
        if (started) {
            tail.stop();
        }
        producers.destroy();
        synchronized (unconfirmed) {
            values.close();
        }
    }

    private TopicTail<String> newTail() {
        return TopicTail.keyed(topic, consumers, this::apply);
    }

    /** On the tail's thread: one record read. */
    private void apply(String key, String text) {
        if (key == null) {
            return;
        }
        synchronized (unconfirmed) {
            String mine = unconfirmed.get(key);
            if (mine != null) {
                if (!Objects.equals(mine, text)) {
                    return; // an older record: what this instance wrote since is still on its way
                }
                unconfirmed.remove(key);
            }
            V value = text == null ? null : decode.apply(text);
            if (value == null) {
                values.remove(key);
            } else {
                values.put(key, value, text);
            }
        }
    }
}
