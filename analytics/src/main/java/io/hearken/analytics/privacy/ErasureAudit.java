package io.hearken.analytics.privacy;

import io.hearken.events.Topics;
import io.hearken.events.json.EventJson;
import io.hearken.events.privacy.ResidentErased;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.stereotype.Component;

/**
 * The audit trail of erasures on the compacted {@code privacy.erasures} (key = erasure id, kept for good): plain
 * JSON, as a {@link ResidentErased} holds no personal data (contact hashes only). Its own producer, because Boot's
 * template seals complaint events and this is not one.
 */
@Component("analyticsErasureAudit")
class ErasureAudit implements DisposableBean {

    private final KafkaProperties kafka;
    private Producer<String, byte[]> producer;

    ErasureAudit(KafkaProperties kafka) {
        this.kafka = kafka;
    }

    /** Returns once every replica has the record. */
    void record(ResidentErased erased) {
        try {
            producer().send(io.hearken.events.privacy.ErasureFeed.record(erased)).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted writing erasure " + erased.erasureId(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot write erasure " + erased.erasureId() + " to " + Topics.ERASURES
                    + ": " + e, e);
        }
    }

    /** Every erasure recorded, the latest first. */
    List<ResidentErased> all() {
        return TopicReads.latest(kafka, Topics.ERASURES, key -> true).values().stream()
                .map(record -> EventJson.mapper().readValue(record.value(), ResidentErased.class))
                .sorted(Comparator.comparing(ResidentErased::at, Comparator.nullsLast(Comparator.reverseOrder())))
                .toList();
    }

    /** Made on first use: most analytics instances never erase anyone. */
    private synchronized Producer<String, byte[]> producer() {
        if (producer == null) {
            Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
            config.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
            config.put(ProducerConfig.ACKS_CONFIG, "all");
            config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            config.put(ProducerConfig.CLIENT_ID_CONFIG, "analytics-erasure-audit");
            producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
        }
        return producer;
    }

    @Override
    public synchronized void destroy() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }
}
