package io.hearken.intake.web.intake;

import io.hearken.events.ComplaintEvent;
import io.hearken.events.Topics;
import io.hearken.events.kafka.EventWireFormatAutoConfiguration;
import io.hearken.events.privacy.Sealing;
import io.hearken.events.observability.ObservedKafka;
import io.hearken.intake.web.WebIntakeProperties;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;
import org.springframework.stereotype.Component;

/**
 * Publishes the web channel's events and waits for Kafka's acknowledgement, but only as long as a person
 * waits for a web page: its own producer (Boot's settings plus short {@code max.block.ms} and delivery
 * timeout, linger, batch size and compression from {@code hearken.web.producer}), kept out of the context so that Boot's shared {@code KafkaTemplate} stays as it is.
 */
@Component
public class WebPublisher implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(WebPublisher.class);

    private final DefaultKafkaProducerFactory<String, Object> factory;
    private final KafkaTemplate<String, Object> template;
    private final Duration timeout;

    WebPublisher(KafkaProperties kafka, WebIntakeProperties properties, ObservedKafka observed, Sealing sealing) {
        this.timeout = properties.publishTimeout();
        Map<String, Object> config = producerConfig(kafka, timeout, properties.producer());
        // One producer for events and plain records (the idempotency log), so both share its batches.
        Map<Class<?>, Serializer<?>> byType = new LinkedHashMap<>();
        byType.put(ComplaintEvent.class, EventWireFormatAutoConfiguration.serializer(sealing));
        byType.put(String.class, new StringSerializer());
        this.factory = new DefaultKafkaProducerFactory<>(config, new StringSerializer(),
                new DelegatingByTypeSerializer(byType, true));
        this.template = observed.template(factory); // metrics, and the request's trace on the record
    }

    static Map<String, Object> producerConfig(KafkaProperties kafka, Duration timeout,
            WebIntakeProperties.Producer producer) {
        Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
        long ms = Math.max(1000, timeout.toMillis());
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, ms);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) ms - 500);
        // A person waits for the answer: linger only a few ms, so many requests share one batch.
        config.put(ProducerConfig.LINGER_MS_CONFIG, (int) producer.linger().toMillis());
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, (int) producer.batchSize().toBytes());
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, producer.compression());
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) ms + (int) producer.linger().toMillis());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "hearken-web");
        return config;
    }

    /** Sends one event keyed by its complaint id; returns once Kafka has it, or throws {@link IntakeUnavailable}. */
    public void publish(ComplaintEvent event) {
        await(send(Topics.INTAKE_WEB, event.complaintId().value(), event));
    }

    /** Sends a plain record (the idempotency log) and waits for it. */
    public void publish(String topic, String key, String value) {
        await(send(topic, key, value));
    }

    /**
     * Sends the event, and only once Kafka has acknowledged it the plain record (the idempotency log): the two
     * live in different partitions, so sent together the record could be acknowledged for an event that never
     * is, and a retry on another instance would then be answered with a tracking id no event carries. Throws
     * {@link IntakeUnavailable} when the event was not acknowledged; returns false when only the record was not.
     */
    public boolean publishWith(ComplaintEvent event, String topic, String key, String value) {
        publish(event);
        try {
            await(send(topic, key, value));
            return true;
        } catch (IntakeUnavailable e) {
            return false;
        }
    }

    private CompletableFuture<?> send(String topic, String key, Object value) {
        try {
            return template.send(topic, key, value);
        } catch (RuntimeException e) {
            throw unavailable(e);
        }
    }

    private void await(CompletableFuture<?> sent) {
        try {
            sent.get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IntakeUnavailable("interrupted while waiting for Kafka", e);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            throw unavailable(e);
        }
    }

    private IntakeUnavailable unavailable(Exception e) {
        return e instanceof IntakeUnavailable u ? u
                : new IntakeUnavailable("Kafka did not acknowledge within " + timeout, e);
    }

    @Override
    public void destroy() {
        factory.destroy();
    }
}
