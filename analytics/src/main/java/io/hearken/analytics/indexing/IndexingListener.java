package io.hearken.analytics.indexing;

import io.hearken.analytics.AnalyticsProperties;
import io.hearken.events.ComplaintEvent;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Every topic with complaint events into Elasticsearch, a poll's worth at a time. The intake pattern
 * has no dash, so the dead-letter topics ({@code intake.web-dlt}) are not read as events.
 */
@Component("analyticsIndexingListener")
class IndexingListener {

    static final String TOPICS = AnalyticsProperties.DEFAULT_TOPICS;

    private static final Logger log = LoggerFactory.getLogger(IndexingListener.class);

    private final IndexingEvents indexing;

    IndexingListener(IndexingEvents indexing) {
        this.indexing = indexing;
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
            indexing.index(batch);
        } catch (IndexingEvents.RetryLater e) {
            // The error handler pauses, backs off and retries this same batch; offsets stay uncommitted.
            log.warn("Indexing {} events paused, will retry: {}", batch.size(), e.getMessage());
            throw e;
        }
    }
}
