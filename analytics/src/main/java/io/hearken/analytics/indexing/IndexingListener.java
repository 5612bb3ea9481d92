package io.hearken.analytics.indexing;

import io.hearken.analytics.AnalyticsProperties;
import io.hearken.events.ComplaintEvent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaOperations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Every topic with complaint events into Elasticsearch, a poll's worth at a time. The intake pattern
 * has no dash, so the dead-letter topics ({@code intake.web-dlt}) are not read as events. An event that can never
 * be indexed goes to {@value #DEAD_LETTERS} with its reason (header {@value #REASON_HEADER}) before the batch
 * counts as done, and the rest of the batch is indexed: one poison event never stalls the indexer.
 */
@Component("analyticsIndexingListener")
class IndexingListener {

    static final String TOPICS = AnalyticsProperties.DEFAULT_TOPICS;
    public static final String DEAD_LETTERS = "analytics.indexer-dlt";
    public static final String REASON_HEADER = "hearken-dlt-reason";

    private static final Logger log = LoggerFactory.getLogger(IndexingListener.class);

    private final IndexingEvents indexing;
    private final KafkaOperations<String, ComplaintEvent> kafka;

    IndexingListener(IndexingEvents indexing, KafkaOperations<String, ComplaintEvent> kafka) {
        this.indexing = indexing;
        this.kafka = kafka;
    }

    @KafkaListener(id = "${hearken.analytics.indexer-group:analytics-indexer}",
            topicPattern = "${hearken.analytics.topic-pattern:" + TOPICS + "}",
            containerFactory = "analyticsListenerContainerFactory",
            properties = {"auto.offset.reset=earliest", "metadata.max.age.ms=5000",
                    "max.poll.records=${hearken.analytics.max-poll-records:1000}"})
    void on(List<ConsumerRecord<String, ComplaintEvent>> records) {
        List<IndexingEvents.Incoming> batch = new ArrayList<>(records.size());
        for (ConsumerRecord<String, ComplaintEvent> record : records) {
            if (record.value() == null) {
                // Unreadable value (the deserializer's error is in the headers); the producing side dead-letters it.
                log.warn("Skipping unreadable record {}-{}@{}", record.topic(), record.partition(), record.offset());
                continue;
            }
            batch.add(new IndexingEvents.Incoming(record.value(), record.topic()));
        }
        try {
            deadLetter(indexing.index(batch));
        } catch (IndexingEvents.RetryLater e) {
            // The error handler pauses, backs off and retries this same batch; offsets stay uncommitted.
            log.warn("Indexing {} events paused, will retry: {}", batch.size(), e.getMessage());
            throw e;
        }
    }

    /** The rejected events, each acknowledged by Kafka before the batch's offsets are committed. */
    private void deadLetter(List<IndexingEvents.Rejected> rejected) {
        List<CompletableFuture<?>> sent = new ArrayList<>();
        for (IndexingEvents.Rejected r : rejected) {
            ComplaintEvent event = r.incoming().event();
            log.error("Event {} from {} cannot be indexed, dead-lettered to {}: {}", event.eventId(), r.incoming().topic(),
                    DEAD_LETTERS, r.reason());
            var record = new ProducerRecord<String, ComplaintEvent>(DEAD_LETTERS,
                    event.complaintId() == null ? null : event.complaintId().value(), event);
            record.headers().add(REASON_HEADER, r.reason().getBytes(StandardCharsets.UTF_8));
            io.micrometer.core.instrument.Metrics.counter("hearken.analytics.dead.letters", "topic", r.incoming().topic()).increment();
            record.headers().add("kafka_dlt-original-topic", r.incoming().topic().getBytes(StandardCharsets.UTF_8));
            sent.add(kafka.send(record));
        }
        try {
            CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IndexingEvents.RetryLater("could not dead-letter " + rejected.size() + " events: " + e, e);
        }
    }
}
