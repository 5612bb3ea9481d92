package io.hearken.desk.actions;

import io.hearken.events.ComplaintEvent;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * How the desk publishes what a person did: one event keyed by its complaint id, answered only once Kafka has it,
 * and a 503 problem when Kafka did not acknowledge it in time (then nothing was published).
 */
@Component
public class PublishingEvents {

    private static final Logger log = LoggerFactory.getLogger(PublishingEvents.class);
    /**
     * Kafka gives up on a record after {@link #DELIVERY_TIMEOUT} (the producer's own limit, set on the desk's
     * template), and the person waits a little longer than that: an answer of 503 then means Kafka gave up too, not
     * that the record may still arrive a minute later (the default delivery timeout is 120 s).
     */
    static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration SEND_TIMEOUT = DELIVERY_TIMEOUT.plusSeconds(2);

    private final KafkaTemplate<String, ComplaintEvent> kafka;

    public PublishingEvents(KafkaTemplate<String, ComplaintEvent> shared) {
        int ms = (int) DELIVERY_TIMEOUT.toMillis();
        this.kafka = new KafkaTemplate<>(shared.getProducerFactory(), Map.of(
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, ms,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, ms / 2,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, ms / 2));
        this.kafka.setObservationEnabled(true);
    }

    /** Sends the event keyed by its complaint id and returns once Kafka has it; {@code action} names it in the log. */
    public void publish(String topic, ComplaintEvent event, String action) {
        try {
            kafka.send(topic, event.complaintId().value(), event).get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw DeskProblem.unavailable();
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            log.warn("{} on {} not published: {}", action, event.complaintId(), e.toString());
            throw DeskProblem.unavailable();
        }
    }
}
