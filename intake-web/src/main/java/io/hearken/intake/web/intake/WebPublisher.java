package io.hearken.intake.web.intake;

import io.hearken.events.ComplaintEvent;
import io.hearken.events.Topics;
import io.hearken.events.kafka.EventWireFormatAutoConfiguration;
import io.hearken.intake.web.WebIntakeProperties;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Publishes the web channel's events and waits for Kafka's acknowledgement, but only as long as a person
 * waits for a web page: its own producer (Boot's settings plus short {@code max.block.ms} and delivery
 * timeout), kept out of the context so that Boot's shared {@code KafkaTemplate} stays as it is.
 */
@Component
public class WebPublisher implements DisposableBean {

    private final DefaultKafkaProducerFactory<String, ComplaintEvent> eventFactory;
    private final DefaultKafkaProducerFactory<String, String> stringFactory;
    private final KafkaTemplate<String, ComplaintEvent> events;
    private final KafkaTemplate<String, String> strings;
    private final Duration timeout;

    WebPublisher(KafkaProperties kafka, WebIntakeProperties properties) {
        this.timeout = properties.publishTimeout();
        Map<String, Object> config = producerConfig(kafka, timeout);
        this.eventFactory = new DefaultKafkaProducerFactory<>(config, new StringSerializer(),
                EventWireFormatAutoConfiguration.serializer());
        this.stringFactory = new DefaultKafkaProducerFactory<>(config, new StringSerializer(), new StringSerializer());
        this.events = new KafkaTemplate<>(eventFactory);
        this.strings = new KafkaTemplate<>(stringFactory);
    }

    static Map<String, Object> producerConfig(KafkaProperties kafka, Duration timeout) {
        Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
        long ms = Math.max(1000, timeout.toMillis());
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, ms);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) ms - 500);
        // Properties may come as strings from application.yml ("5") or as numbers.
        long linger = Long.parseLong(String.valueOf(config.getOrDefault(ProducerConfig.LINGER_MS_CONFIG, "5")).strip());
        config.put(ProducerConfig.LINGER_MS_CONFIG, Math.min(5, linger));
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) ms);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "hearken-web");
        return config;
    }

    /** Sends one event keyed by its complaint id; returns once Kafka has it, or throws {@link IntakeUnavailable}. */
    public void publish(ComplaintEvent event) {
        await(() -> events.send(Topics.INTAKE_WEB, event.complaintId().value(), event));
    }

    /** Sends a plain record (the idempotency log). */
    public void publish(String topic, String key, String value) {
        await(() -> strings.send(topic, key, value));
    }

    private void await(java.util.function.Supplier<java.util.concurrent.CompletableFuture<?>> send) {
        try {
            send.get().get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IntakeUnavailable("interrupted while waiting for Kafka", e);
        } catch (ExecutionException | TimeoutException | org.apache.kafka.common.KafkaException
                | org.springframework.kafka.KafkaException e) {
            throw new IntakeUnavailable("Kafka did not acknowledge within " + timeout, e);
        }
    }

    @Override
    public void destroy() {
        eventFactory.destroy();
        stringFactory.destroy();
    }
}
