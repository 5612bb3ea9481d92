package io.hearken.events.privacy;

import io.hearken.events.Topics;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes key records and tombstones to {@link Topics#PRIVACY_KEYS}, acknowledged by all replicas: a key must be
 * durable before the first event sealed with it, a destroyed key gone before the erasure is reported done.
 */
final class KeyTopicWriter implements AutoCloseable {

    static final long WRITE_NANOS = TimeUnit.SECONDS.toNanos(15);

    private final Producer<String, byte[]> producer;

    /** {@code producerConfig}: Boot's producer settings (servers, security). */
    KeyTopicWriter(Map<String, Object> producerConfig) {
        Map<String, Object> config = new HashMap<>(producerConfig);
        config.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        // A new key is written while someone waits (a web request): fail within seconds when Kafka is away, as the
        // event that needs the key would.
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "hearken-data-keys-" + Integer.toHexString(System.identityHashCode(this)));
        this.producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    /** Sends without waiting, so a batch of keys costs one wait ({@link #awaitWritten}). */
    Future<?> send(String key, byte[] value) {
        return producer.send(new ProducerRecord<>(Topics.PRIVACY_KEYS, key, value));
    }

    /** Sends and waits until all replicas have it. */
    void write(String key, byte[] value) {
        awaitWritten(send(key, value), WRITE_NANOS);
    }

    static void awaitWritten(Future<?> written, long nanos) {
        try {
            written.get(Math.max(1, nanos), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted writing a data key", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot write a data key to " + Topics.PRIVACY_KEYS + ": " + e, e);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
